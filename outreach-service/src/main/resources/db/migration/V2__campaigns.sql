-- Campaigns (issue 7): a campaign of one network, its material batches and their distribution records.
create table campaign (
    id              uuid primary key,
    network_id      uuid        not null,
    title           text        not null,
    goal_text       text        not null,
    goal_target     integer     check (goal_target is null or goal_target > 0),
    rationale_text  text        not null,
    monitor_finding text,
    audience        text        not null,
    channels        text[]      not null,
    target_areas    text[]      not null,
    period_from     date        not null,
    period_to       date        not null check (period_from <= period_to),
    partner_ids     uuid[]      not null,
    budget_eur      numeric(12, 2) not null check (budget_eur >= 0),
    status          text        not null check (status in ('DRAFT', 'ACTIVE', 'CLOSED')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index campaign_network on campaign (network_id);

create table material_batch (
    id          uuid primary key,
    campaign_id uuid    not null references campaign (id),
    quantity    integer not null check (quantity > 0),
    channel     text    not null,
    area        text    not null,
    code        text    not null unique,
    distributed integer not null default 0 check (distributed >= 0 and distributed <= quantity),
    created_at  timestamptz not null default now()
);
create index material_batch_campaign on material_batch (campaign_id);

create table distribution (
    id             uuid primary key,
    batch_id       uuid        not null references material_batch (id),
    partner_id     uuid,
    volunteer      text,
    streets        text,
    postal_codes   text[]      not null,
    distributed_on date        not null,
    quantity       integer     not null check (quantity > 0),
    created_at     timestamptz not null default now(),
    check (partner_id is not null or volunteer is not null)
);

-- Owned by the landing feature: the batch a code was printed for.
alter table tracking_code add column batch_id uuid;
