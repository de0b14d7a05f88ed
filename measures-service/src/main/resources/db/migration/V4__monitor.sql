-- monitor: the labour-market monitor's read model of vacancy-events (one row per vacancy, its latest known state).
-- Rebuildable: it holds nothing but what the events said (measures-service/README.md, "Rebuilding the monitor").
create table monitor_vacancy (
    vacancy_id       uuid primary key,
    employer_id      uuid        not null,
    network_ids      uuid[]      not null default '{}',
    type             text        not null,
    occupation_group text        not null,
    kreis            text,
    temporary_agency boolean     not null,
    openings         int         not null check (openings >= 1),
    published_at     timestamptz not null,
    closed_at        timestamptz,
    close_reason     text,
    -- occurredAt of the latest applied event: an event not later than it leaves the state as it is (stale).
    last_occurred_at timestamptz not null,
    -- every event of this vacancy that reached the monitor, stale ones included: "the number of underlying events"
    events           int         not null default 1
);
create index monitor_vacancy_kreis on monitor_vacancy (kreis, occupation_group);
create index monitor_vacancy_networks on monitor_vacancy using gin (network_ids);
