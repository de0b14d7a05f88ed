-- matching: returnee measures (issue 7) — the projection of measure-events and the matches of confirmed profiles
-- to measures for returnees of their network.
create table measure (
    id                uuid primary key,
    network_id        uuid        not null,
    type              text        not null,
    target_groups     text[]      not null,
    kreise            text[]      not null,
    occupation_groups text[]      not null,
    status            text        not null,
    first_session     date,
    last_session      date,
    open              boolean     not null,
    occurred_at       timestamptz not null
);
create index measure_open_network on measure (network_id) where open;

create table returnee_measure_match (
    returnee_id uuid        not null references returnee (id),
    measure_id  uuid        not null references measure (id),
    network_id  uuid        not null,
    matched_at  timestamptz not null default now(),
    notified_at timestamptz,
    primary key (returnee_id, measure_id)
);
create index returnee_measure_match_network on returnee_measure_match (network_id);
