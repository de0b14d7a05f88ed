-- The monitor benchmark's data (issue #18): 1,000,000 postings of the demo network Heilbronn over the last 24 months,
-- written into measures-service's read model monitor_vacancy directly — on purpose not through Kafka: the relay and the
-- consumer's throughput are the event backbone's benchmark (#21, infra/benchmarks/events); this one measures the pages.
-- Shares (not official figures, a plausible shape): five Kreise of Heilbronn-Franken, 44 KldB 3-digit groups (the
-- commonest first), 72 % jobs, 15 % apprenticeships, 3 % dual study, 10 % other offers, 8 % temporary-work agencies;
-- 85 % one opening; vacancy time 1 + an exponential with a mean of 60 days (whole minutes); closed when that lies in
-- the past (FILLED 70 %, EXPIRED 20 %, WITHDRAWN 10 %), open otherwise; 1–3 events per posting plus its close.
-- psql variable: network (the network id).
insert into monitor_vacancy (vacancy_id, employer_id, network_ids, type, occupation_group, kreis, temporary_agency, openings,
                             published_at, closed_at, close_reason, last_occurred_at, events)
select gen_random_uuid(), gen_random_uuid(), array[:'network']::uuid[], type, grp, kreis, agency, openings,
       published, case when ends < now() then ends end,
       case when ends >= now() then null when r_reason < 0.7 then 'FILLED' when r_reason < 0.9 then 'EXPIRED' else 'WITHDRAWN' end,
       least(ends, now()), 1 + updates + case when ends < now() then 1 else 0 end
from (
    select published, date_trunc('minute', published + (1 + -ln(1 - r_days) * 60) * interval '1 day') as ends, r_reason,
           (array['08121', '08125', '08125', '08125', '08121', '08126', '08127', '08128'])[1 + floor(r_kreis * 8)::int] as kreis,
           (array['261', '262', '263', '251', '252', '242', '244', '245', '513', '521', '714', '713', '722', '621', '612', '813',
                  '821', '831', '811', '817', '293', '633', '632', '342', '321', '322', '332', '331', '434', '431', '272', '273',
                  '221', '241', '292', '541', '531', '832', '721', '343', '121', '631', '841', '522'])[1 + floor(power(r_group, 1.6) * 44)::int] as grp,
           case when r_type < 0.72 then 'JOB' when r_type < 0.87 then 'APPRENTICESHIP' when r_type < 0.90 then 'DUAL_STUDY'
                when r_type < 0.95 then 'INTERNSHIP' when r_type < 0.98 then 'WORKING_STUDENT' else 'PROJECT_DAY' end as type,
           r_agency < 0.08 as agency,
           case when r_openings < 0.85 then 1 else 2 + floor((r_openings - 0.85) / 0.15 * 4)::int end as openings,
           floor(r_updates * 3)::int as updates
    from (
        select date_trunc('minute', now() - random() * interval '730 days') as published, random() as r_days, random() as r_reason,
               random() as r_kreis, random() as r_group, random() as r_type, random() as r_agency, random() as r_openings,
               random() as r_updates
        from generate_series(1, 1000000)
    ) r
) p;
