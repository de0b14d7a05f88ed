-- Issue #21, step h: the pending rows found without reading the relayed ones. V0_2's view read every row from the
-- relayed snapshot's oldest running transaction on and dropped the relayed ones: while a backlog drains, a shard's
-- window holds all of its backlog, so counting the pending rows read the whole backlog every time (a million rows:
-- seconds of a core, every 5 s for the backlog gauge, which then ran into its time-out and went blank exactly while an
-- operator needed it). Now each shard's pending rows are read by the index that starts where they start:
--   no window open:  the rows of transactions the relayed snapshot does not see ((shard, xid) from its oldest running
--                    one: only those that committed between it and the snapshot are read in vain);
--   a window open:   its rows after the acknowledged position ((shard, position)), and the rows of transactions its
--                    snapshot does not see ((shard, xid) from its oldest running one).
-- Equal to "not outbox_relayed(…)" over every row (OutboxPendingIT compares them): a window's snapshot sees everything
-- the relayed one sees, and an open window always has its acknowledged position (OutboxRelay.advance).
create or replace view outbox_pending as
select e.* from outbox_relay_cursor c cross join lateral (
    select * from outbox_event e where c.window_snapshot is null and e.shard = c.shard
      and e.xid >= pg_snapshot_xmin(c.relayed_snapshot) and not pg_visible_in_snapshot(e.xid, c.relayed_snapshot)
    offset 0) e
union all
select e.* from outbox_relay_cursor c cross join lateral (
    select * from outbox_event e where c.window_snapshot is not null and e.shard = c.shard
      and (e.shard, e.position) > (c.shard, c.window_position)
      and pg_visible_in_snapshot(e.xid, c.window_snapshot) and not pg_visible_in_snapshot(e.xid, c.relayed_snapshot)
    offset 0) e
union all
select e.* from outbox_relay_cursor c cross join lateral (
    select * from outbox_event e where c.window_snapshot is not null and e.shard = c.shard
      and e.xid >= pg_snapshot_xmin(c.window_snapshot) and not pg_visible_in_snapshot(e.xid, c.window_snapshot)
    offset 0) e;

-- When the oldest pending row was written: per shard the first pending row of each part above in its index's order (a
-- few probes, not a read of the backlog). Rows are written in time order, so within a transaction's time this is the
-- oldest pending row's occurred_at; null when nothing waits.
create view outbox_oldest_pending as
select min(first.occurred_at) occurred_at from outbox_relay_cursor c cross join lateral (
    (select e.occurred_at from outbox_event e where c.window_snapshot is null and e.shard = c.shard
       and e.xid >= pg_snapshot_xmin(c.relayed_snapshot) and not pg_visible_in_snapshot(e.xid, c.relayed_snapshot)
     order by e.xid limit 1)
    union all
    (select e.occurred_at from outbox_event e where c.window_snapshot is not null and e.shard = c.shard
       and (e.shard, e.position) > (c.shard, c.window_position)
       and pg_visible_in_snapshot(e.xid, c.window_snapshot) and not pg_visible_in_snapshot(e.xid, c.relayed_snapshot)
     order by e.shard, e.position limit 1)
    union all
    (select e.occurred_at from outbox_event e where c.window_snapshot is not null and e.shard = c.shard
       and e.xid >= pg_snapshot_xmin(c.window_snapshot) and not pg_visible_in_snapshot(e.xid, c.window_snapshot)
     order by e.xid limit 1)) first;
