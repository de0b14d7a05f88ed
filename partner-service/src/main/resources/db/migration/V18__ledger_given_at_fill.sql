-- #16: a posting gives when it is filled, not when it is published (README, "When a posting counts as given").
-- cause_id: the thing an entry stands for (a posting, a registration, a measure), so whatever events about it arrive —
-- redelivered, replayed, out of order — it makes at most one entry per partner and category.
alter table ledger_entry add column cause_id text;
-- One closing event now makes two entries for one partner (GIVE and GAIN): the source guard includes the category.
drop index ledger_entry_source;
create unique index ledger_entry_source on ledger_entry (source_event_id, partner_id, category) where source_event_id is not null;
create unique index ledger_entry_cause on ledger_entry (cause_id, partner_id, category) where cause_id is not null;
-- Entries made under the old rule: a filled posting's GIVE moves to its closing event (its type is not known any more,
-- so it counts as VACANCIES); what was given at publication is taken back — open, withdrawn and expired postings gave nothing.
insert into ledger_entry (id, partner_id, network_id, network_ids, side, category, quantity, unit, period_from, period_to, origin,
                          pledged_by, source_event_id, source_event_type, created_at)
select gen_random_uuid(), partner_id, network_id, network_ids, 'GIVE', 'VACANCIES', quantity, unit, period_from, period_to, origin,
       null, source_event_id, source_event_type, created_at
from ledger_entry where category = 'VACANCIES_FILLED' and source_event_type = 'augenhoehe.vacancy.closed.v1';
delete from ledger_entry where source_event_type = 'augenhoehe.vacancy.published.v1';
