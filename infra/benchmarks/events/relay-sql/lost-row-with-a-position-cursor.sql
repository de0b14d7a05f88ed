-- Why a cursor on position alone loses events (step (d) of ../README.md). Run against the schema of fill-cursor.sql:
--   psql -f lost-row-with-a-position-cursor.sql & sleep 1; psql -c "<session B below>"; psql -c "<relay pass below>"
-- Session A (this file): takes a position, commits 3 s later.
begin;
insert into outbox_event (event_id, topic, event_key, event_type, source, occurred_at, payload, shard)
values ('A', 't', 'k1', 'x', 's', now(), '{}', 0) returning position as a_position;
select pg_sleep(3);
commit;
-- Session B, meanwhile: insert ... values ('B', 't', 'k2', 'x', 's', now(), '{}', 0)  -- a later position, committed first
-- A relay pass, meanwhile: update outbox_relay_cursor c set position = coalesce((select max(e.position) from outbox_event e
--   where e.shard = c.shard and e.position > c.position), c.position) where shard = 0   -- cursor = B's position
-- Afterwards: select e.event_id, e.position <= c.position relayed from outbox_event e join outbox_relay_cursor c using (shard);
--   A counts as relayed, though no pass ever saw it.
