-- Platform tables of every service (infra/platform). Versions 0.x run before a service's own migrations.

-- Transactional outbox: an event row is written in the same transaction as the change it reports.
create table outbox_event (
    position     bigint generated always as identity primary key,
    event_id     text        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    source       text        not null,
    occurred_at  timestamptz not null,
    payload      text        not null,
    traceparent  text,
    shard        smallint    not null,
    published_at timestamptz
);
-- The relay reads only pending rows, shard by shard, in position order.
create index outbox_event_pending on outbox_event (shard, position) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

-- Idempotent consumers: an event id recorded here was applied, in the same transaction as its effect.
create table consumed_event (
    event_id    text        primary key,
    event_type  text        not null,
    topic       text        not null,
    consumed_at timestamptz not null default now()
);

-- Dead letters already sent back to their topic: a record is redriven at most once.
create table redriven_dead_letter (
    dlt_topic     text        not null,
    dlt_partition int         not null,
    dlt_offset    bigint      not null,
    event_id      text,
    redriven_at   timestamptz not null default now(),
    redriven_by   text        not null,
    primary key (dlt_topic, dlt_partition, dlt_offset)
);
