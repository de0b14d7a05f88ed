-- 200,000 committed outbox rows of 1 KB over 10,000 keys and the 16 shards, as EventsBenchmark#prefill writes them.
insert into outbox_event (event_id, topic, event_key, event_type, source, occurred_at, payload, shard)
select gen_random_uuid()::text, 'bench', 'aggregate-' || (i % 10000), 'bench.v1', '/augenhoehe/bench', now(),
       '{"n":' || i || ',"pad":"' || repeat('x', 1024 - 15 - length(i::text)) || '"}', (i % 10000) % 16
from generate_series(1, 200000) i;
vacuum analyze outbox_event;
checkpoint;
select pg_stat_statements_reset();
