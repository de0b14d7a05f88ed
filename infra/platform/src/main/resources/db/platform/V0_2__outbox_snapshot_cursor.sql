-- The relay no longer marks each relayed row (issue #21, step e of infra/benchmarks/events/README.md): rewriting a 1 KB
-- row per event was PostgreSQL's main cost per pass. Instead each row records the id of its writing transaction, and a
-- cursor per shard records which transactions' rows are relayed, as snapshots (as PgQ does it):
--   a row is relayed  ⇔  its transaction is complete in the shard's `relayed_snapshot`,
--                        or it is in the open window (complete in `window_snapshot`) at or before `window_position`.
-- A position alone would lose rows: a transaction can commit a smaller position after a pass went past a larger one.
-- Read "pending" and "relayed" only through the views below; no relayed row is ever updated.

-- Rows of before this migration: relayed ones get xid 1 (complete in every snapshot), pending ones this migration's.
alter table outbox_event add column xid xid8 not null default '1';
alter table outbox_event alter column xid set default pg_current_xact_id();
update outbox_event set xid = pg_current_xact_id() where published_at is null;

create table outbox_relay_cursor (
    shard            smallint    primary key,
    -- every row of a transaction complete in this snapshot is relayed
    relayed_snapshot pg_snapshot not null,
    -- while a window is larger than a batch: the snapshot that ends it and its last acknowledged position
    window_snapshot  pg_snapshot,
    window_position  bigint,
    check ((window_snapshot is null) = (window_position is null))
);

-- The first snapshot: every transaction running now, this one included, counts as not complete (a snapshot leaves
-- its own transaction out of the running ones), so the pending rows above and any row those transactions still write
-- are relayed later.
insert into outbox_relay_cursor (shard, relayed_snapshot)
select shard, (select (least(pg_snapshot_xmin(s), me)::text || ':' || greatest(pg_snapshot_xmax(s)::text::numeric, me::text::numeric + 1)::text || ':'
                       || (select string_agg(x::text, ',' order by x)
                           from (select pg_snapshot_xip(s) union select me) running(x)))::pg_snapshot
               from pg_current_snapshot() s, (select pg_current_xact_id() me) t)
from generate_series(0, 15) shard;
analyze outbox_relay_cursor; -- 16 rows, not the planner's default guess for a table never analysed

drop index outbox_event_pending;
drop index outbox_event_published;
alter table outbox_event drop column published_at;

-- Relayed: the one definition every reader uses (inlined by the planner).
create function outbox_relayed(row_xid xid8, row_position bigint, c outbox_relay_cursor) returns boolean
    language sql immutable
    return pg_visible_in_snapshot(row_xid, c.relayed_snapshot)
        or (c.window_snapshot is not null and row_position <= c.window_position
            and pg_visible_in_snapshot(row_xid, c.window_snapshot));

-- Pending rows, found per shard by the (shard, xid) index from the cursor's oldest running transaction on (the
-- fence "offset 0" keeps the planner from joining the whole table: it cannot estimate the xid bound).
create view outbox_pending as
select e.* from outbox_relay_cursor c cross join lateral (
    select * from outbox_event e where e.shard = c.shard and e.xid >= pg_snapshot_xmin(c.relayed_snapshot) offset 0) e
where not outbox_relayed(e.xid, e.position, c);

create view outbox_relayed as
select e.* from outbox_event e join outbox_relay_cursor c on c.shard = e.shard
where outbox_relayed(e.xid, e.position, c);

-- a window's rows in position order; the candidates of a new window by transaction
create index outbox_event_shard_position on outbox_event (shard, position);
-- (position included: counting the pending rows reads the index only, not a 1 KB row each)
create index outbox_event_shard_xid on outbox_event (shard, xid) include (position);
-- the cleanup deletes relayed rows by age: rows are written in time order, a block range index costs next to nothing
create index outbox_event_occurred on outbox_event using brin (occurred_at);
