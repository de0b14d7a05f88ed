-- Working groups and the expert circle of a network. network_id and partner_id carry no foreign keys on purpose:
-- networks and partners belong to other features of this service (asked through NetworkDirectory/PartnerDirectory).
create table working_group (
    id            uuid primary key,
    network_id    uuid          not null,
    kind          text          not null check (kind in ('WORKING_GROUP', 'EXPERT_CIRCLE')),
    name          text          not null check (length(name) between 1 and 200),
    topics        text[]        not null default '{}' check (cardinality(topics) <= 20),
    quorum_kind   text          not null check (quorum_kind in ('FRACTION', 'COUNT')),
    quorum_value  numeric(6, 3) not null check (quorum_value > 0),
    majority      text          not null check (majority in ('SIMPLE', 'TWO_THIRDS', 'UNANIMOUS')),
    formed_at     timestamptz   not null,
    formed_by     text          not null,
    check (quorum_kind = 'COUNT' or quorum_value <= 1),
    check (quorum_kind = 'FRACTION' or quorum_value = trunc(quorum_value))
);
create unique index working_group_name on working_group (network_id, lower(name));

-- A member partner of the group; leaving keeps the row (left_at), so a partner may join again later.
create table working_group_member (
    id         uuid primary key,
    group_id   uuid        not null references working_group (id),
    partner_id uuid        not null,
    joined_at  timestamptz not null,
    left_at    timestamptz
);
create unique index working_group_member_current on working_group_member (group_id, partner_id) where left_at is null;
create index working_group_member_partner on working_group_member (partner_id) where left_at is null;

-- The people a member partner sends, by account subject (opaque; accounts live in the identity feature).
create table working_group_person (
    group_id   uuid not null references working_group (id),
    partner_id uuid not null,
    subject    text not null check (length(subject) between 1 and 200),
    primary key (group_id, partner_id, subject)
);

create table working_group_meeting (
    id       uuid primary key,
    group_id uuid        not null references working_group (id),
    starts_at timestamptz not null,
    place    text        not null check (length(place) between 1 and 300),
    agenda   text[]      not null default '{}' check (cardinality(agenda) <= 50),
    minutes  text check (length(minutes) <= 20000),
    version  bigint      not null default 0
);
create index working_group_meeting_group on working_group_meeting (group_id, starts_at);

create table working_group_decision (
    id          uuid primary key,
    group_id    uuid        not null references working_group (id),
    meeting_id  uuid references working_group_meeting (id),
    title       text        not null check (length(title) between 1 and 300),
    motion      text        not null default '' check (length(motion) <= 4000),
    status      text        not null check (status in ('OPEN', 'CLOSED')),
    opened_at   timestamptz not null,
    closed_at   timestamptz,
    eligible    int,
    yes_votes   int,
    no_votes    int,
    abstentions int,
    quorum_met  boolean,
    result      text check (result in ('ADOPTED', 'REJECTED', 'NO_QUORUM')),
    check ((status = 'CLOSED') = (result is not null and closed_at is not null))
);
create index working_group_decision_group on working_group_decision (group_id, opened_at);

-- One vote per member partner and decision: the unique key is the guard against a second (or concurrent) vote.
create table working_group_vote (
    decision_id uuid        not null references working_group_decision (id),
    partner_id  uuid        not null,
    vote        text        not null check (vote in ('YES', 'NO', 'ABSTAIN')),
    cast_at     timestamptz not null,
    cast_by     text        not null,
    primary key (decision_id, partner_id)
);
