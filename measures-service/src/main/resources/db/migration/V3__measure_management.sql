-- Issue 6: measures managed by their hosts — who may host (members), where (postal code → Kreis), what and when.

-- members: partner-events projected into what measures-service needs to know of the network's members.
create table member_partner (
    partner_id uuid primary key,
    name       text   not null,
    kind       text   not null,
    -- partner-service's profile version: registration = 0; an event not above the stored version is stale.
    version    bigint not null,
    last_event text   not null
);
create table member_membership (
    partner_id    uuid        not null,
    network_id    uuid        not null,
    membership_id uuid        not null,
    status        text        not null check (status in ('APPLIED', 'ACTIVE', 'SUSPENDED', 'ENDED')),
    -- occurredAt of the latest step: an event whose step is not later changes nothing (redriven, replayed).
    step_at       timestamptz not null,
    last_event    text        not null,
    primary key (partner_id, network_id)
);

-- places: postal code → Kreis (5-digit Kreisschlüssel). A hand-written subset of the demo regions ships here; the
-- full GeoNames file is imported by PostalCodeImporter (the repository does not copy it). A postal code may span
-- several Kreise: the lookup takes the one with the most places (see PostalCodes).
create table postal_code_kreis (
    postal_code text not null check (postal_code ~ '^[0-9]{5}$'),
    kreis       text not null check (kreis ~ '^[0-9]{5}$'),
    places      int  not null default 1 check (places > 0),
    primary key (postal_code, kreis)
);
insert into postal_code_kreis (postal_code, kreis) values
    ('74072', '08121'), ('74074', '08121'), ('74076', '08121'), ('74078', '08121'), ('74080', '08121'), ('74081', '08121'),
    ('74172', '08125'), ('74211', '08125'), ('74336', '08125'),
    ('26721', '03402'), ('26723', '03402'), ('26725', '03402'),
    ('26603', '03452'), ('26409', '03462'), ('26789', '03457'),
    ('26871', '03454'), ('49716', '03454'), ('48529', '03456');

-- management: the measure itself. Columns added to V1/V2's table; rows inserted before (tests) keep nulls.
alter table measure
    add column network_id             uuid,
    add column host_partner_id        uuid,
    add column co_organiser_ids       uuid[] not null default '{}',
    add column description            text,
    add column target_groups          text[] not null default '{}',
    add column occupation_groups      text[] not null default '{}',
    add column delivery               text check (delivery in ('IN_COMPANY', 'VERBUND', 'EXTERNAL')),
    add column folded_into            text,
    add column cost_eur               numeric(10, 2) check (cost_eur >= 0),
    add column funding                text,
    add column language               text,
    add column status_reason          text,
    add column version                bigint not null default 0,
    add column updated_at             timestamptz;
create index measure_network on measure (network_id, starts_on);
create index measure_host on measure (host_partner_id);

-- Sessions in local time of Europe/Berlin (where the measures take place); the Kreis comes from the postal code.
create table measure_session (
    id          uuid primary key,
    measure_id  uuid not null references measure (id) on delete cascade,
    position    int  not null,
    day         date not null,
    start_time  time not null,
    end_time    time not null,
    postal_code text not null,
    kreis       text not null,
    place       text not null,
    capacity    int check (capacity > 0),
    constraint session_ends_after_start check (end_time > start_time),
    unique (measure_id, position)
);
create index measure_session_kreis on measure_session (kreis, day);

-- registrations: the target group a participant belongs to (optional; counted by the monitor, never a name).
alter table registration add column target_group text, add column erased_at timestamptz;

-- attendance: check-in per session and registration, and the outcome per registration.
create table attendance (
    session_id      uuid        not null references measure_session (id) on delete cascade,
    registration_id uuid        not null references registration (id),
    attended        boolean     not null,
    recorded_at     timestamptz not null,
    primary key (session_id, registration_id)
);
create table outcome (
    registration_id     uuid primary key references registration (id),
    outcome             text        not null check (outcome in ('COMPLETED', 'DROPPED_OUT', 'STARTED_APPRENTICESHIP', 'STARTED_JOB', 'FURTHER_MEASURE')),
    employer_partner_id uuid,
    recorded_at         timestamptz not null
);
