-- monitor_month: the monthly aggregates of monitor_vacancy the monitor answers from (issue #18; MonitorMonths). One row
-- per network × Kreis × occupation group × type × month (Europe/Berlin); the type stays in the key, so which types are
-- vacancies (OfferTypes) is still decided when reading. Maintained as a delta by VacancyProjection in the transaction
-- that changes monitor_vacancy; rebuilt with it (./platform rebuild measures vacancy-events --tables monitor_vacancy,monitor_month).
-- Temporary-work agencies and postings without Kreis are not in it (no figure counts them).
create table monitor_month (
    network_id       uuid not null,
    kreis            text not null,
    occupation_group text not null,
    type             text not null,
    -- the first day of the month
    month            date not null,
    -- openings of the postings published in the month / closed in it
    inflow           int  not null default 0,
    outflow          int  not null default 0,
    -- postings closed in the month, of them EXPIRED or WITHDRAWN
    closed           int  not null default 0,
    unfilled         int  not null default 0,
    -- monitor_vacancy.events of the postings published in the month / closed in it: the events of the postings that
    -- touch a month are Σ events_in up to it − Σ events_out before it
    events_in        int  not null default 0,
    events_out       int  not null default 0,
    -- vacancy time (published → closed) of the postings closed in the month: (bucket, count) pairs in bucket order, each
    -- number 4 bytes big-endian (int4send); bucket = whole minutes ÷ 144 (a tenth of a day) rounded half up (VacancyDays).
    -- Bytes, not int[]: the monitor reads some hundred thousand pairs a page, and int[]'s text output cost four times
    -- the rest of the query (measured: 75 of 90 ms for a year of 1,000,000 postings).
    days             bytea not null default '\x',
    primary key (network_id, kreis, occupation_group, type, month)
);

-- The aggregates of the rows monitor_vacancy holds already (one statement; the monitor benchmark runs the same one
-- after its bulk load: infra/benchmarks/monitor).
-- monitor-month-fill:begin
insert into monitor_month (network_id, kreis, occupation_group, type, month, inflow, outflow, closed, unfilled, events_in, events_out, days)
with counted as (
    select n as network_id, v.* from monitor_vacancy v cross join unnest(v.network_ids) n
    where not v.temporary_agency and v.kreis is not null
), parts as (
    select network_id, kreis, occupation_group, type, date_trunc('month', published_at at time zone 'Europe/Berlin')::date as month,
           openings as inflow, 0 as outflow, 0 as closed, 0 as unfilled, events as events_in, 0 as events_out, null::int as bucket
    from counted
    union all
    select network_id, kreis, occupation_group, type, date_trunc('month', closed_at at time zone 'Europe/Berlin')::date,
           0, openings, 1, case when close_reason in ('EXPIRED', 'WITHDRAWN') then 1 else 0 end, 0, events,
           floor(trunc(extract(epoch from closed_at - published_at) / 60) / 144.0 + 0.5)::int
    from counted where closed_at is not null
), sums as (
    select network_id, kreis, occupation_group, type, month, sum(inflow) as inflow, sum(outflow) as outflow, sum(closed) as closed,
           sum(unfilled) as unfilled, sum(events_in) as events_in, sum(events_out) as events_out
    from parts group by 1, 2, 3, 4, 5
), buckets as (
    select network_id, kreis, occupation_group, type, month, bucket, count(*)::int as n
    from parts where bucket is not null group by 1, 2, 3, 4, 5, 6
), histograms as (
    select network_id, kreis, occupation_group, type, month, string_agg(int4send(bucket) || int4send(n), ''::bytea order by bucket) as days
    from buckets group by 1, 2, 3, 4, 5
)
select s.network_id, s.kreis, s.occupation_group, s.type, s.month, s.inflow, s.outflow, s.closed, s.unfilled, s.events_in, s.events_out,
       coalesce(h.days, '\x'::bytea)
from sums s left join histograms h using (network_id, kreis, occupation_group, type, month);
-- monitor-month-fill:end
