-- Member companies (issue #4: only active member companies may post), projected from partner-events.
-- employer.version orders profile events: registered = 0, updated.v1 carries partner-service's profile version;
-- an event with a version not above the stored one is stale and ignored.
alter table employer add column version bigint not null default 0;

-- One row per (partner, network): the partner's latest membership in that network and its last step.
-- step_at = occurredAt of the step; an event whose step is not later than the stored one is stale and ignored.
-- partner_kind comes with every membership event, so posting rights do not depend on the registration having arrived.
create table employer_membership (
    partner_id    uuid        not null,
    network_id    uuid        not null,
    membership_id uuid        not null,
    partner_kind  text        not null,
    status        text        not null check (status in ('APPLIED', 'ACTIVE', 'SUSPENDED', 'ENDED')),
    applied_at    timestamptz not null,
    step_at       timestamptz not null,
    last_event    text        not null,
    primary key (partner_id, network_id)
);
create index employer_membership_active on employer_membership (partner_id) where status = 'ACTIVE';
