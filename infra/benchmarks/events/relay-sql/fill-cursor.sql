-- The variant measured in step (d): a cursor per shard instead of published_at (unsafe as it stands, see the README).
create extension if not exists pg_stat_statements;
drop table if exists outbox_event, outbox_relay_cursor, consumed_event, redriven_dead_letter;
\ir ../../../platform/src/main/resources/db/platform/V0_1__platform_outbox_and_inbox.sql
drop index outbox_event_pending; drop index outbox_event_published;
create index outbox_event_shard on outbox_event (shard, position);
create table outbox_relay_cursor (shard smallint primary key, position bigint not null);
insert into outbox_relay_cursor select s, 0 from generate_series(0, 15) s;
\ir rows.sql
