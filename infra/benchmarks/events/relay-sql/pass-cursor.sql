-- One relay pass with a per-shard cursor: no row is written, the cursor moves to the last row of the batch.
begin;
select c.shard from outbox_relay_cursor c
where case when exists (select 1 from outbox_event e where e.shard = c.shard and e.position > c.position)
      then pg_try_advisory_xact_lock(1095059279, c.shard) else false end order by c.shard \g /dev/null
select o.shard, o.position, o.event_id, o.topic, o.event_key, o.event_type, o.source, o.occurred_at, o.payload, o.traceparent
from outbox_relay_cursor c cross join lateral (
  select * from outbox_event e where e.shard = c.shard and e.position > c.position order by e.position limit 500) o
order by o.shard, o.position \g /dev/null
update outbox_relay_cursor c set position = coalesce((select max(o.position) from (select position from outbox_event e where e.shard = c.shard and e.position > c.position order by e.position limit 500) o), c.position);
commit;
