-- One relay pass as OutboxRelay#relayPending makes it (the update marks the rows the select returned).
begin;
select s.shard from generate_series(0, 15) s(shard)
where case when exists (select 1 from outbox_event e where e.shard = s.shard and e.published_at is null)
      then pg_try_advisory_xact_lock(1095059279, s.shard) else false end order by s.shard \g /dev/null
select o.shard, o.position, o.event_id, o.topic, o.event_key, o.event_type, o.source, o.occurred_at, o.payload, o.traceparent
from generate_series(0,15) held(shard) cross join lateral (
  select * from outbox_event e where e.shard = held.shard and e.published_at is null order by e.position limit 500) o
order by o.shard, o.position \g /dev/null
update outbox_event set published_at = now() where position in (select o.position
from generate_series(0,15) held(shard) cross join lateral (
  select position from outbox_event e where e.shard = held.shard and e.published_at is null order by e.position limit 500) o);
commit;
