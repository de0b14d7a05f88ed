-- #16: one vocabulary of contribution kinds, each counted in one unit (README, "Kinds and units"), so that pledged and
-- realised amounts of a kind compare. Entries recorded before are brought into it.

-- 1. Realised entries, by the rules that made them. A co-organised measure, and a hosted one whose places are not
--    known, count as MEASURES (unit measures).
update ledger_entry set category = 'MEASURES' where origin = 'REALISED' and side = 'GIVE' and unit = 'measures';
-- The places of a project day (a hosted measure's capacity, a filled project-day posting's openings) are pupil places;
-- the day itself is one project day (the days of an old measure are not kept).
update ledger_entry set category = 'PUPIL_PLACES', unit = 'places'
where origin = 'REALISED' and category = 'PROJECT_DAYS' and unit in ('places', 'vacancies');
insert into ledger_entry (id, partner_id, network_id, network_ids, side, category, quantity, unit, period_from, period_to, origin,
                          pledged_by, source_event_id, source_event_type, cause_id, created_at, reversed_by, reversed_at)
select gen_random_uuid(), partner_id, network_id, network_ids, 'GIVE', 'PROJECT_DAYS', 1, 'days', period_from, period_to, origin,
       null, source_event_id, source_event_type, cause_id, created_at, reversed_by, reversed_at
from ledger_entry where origin = 'REALISED' and category = 'PUPIL_PLACES';
-- An event of outreach hosted (job fair, information event) is one channel; mentoring places are places like a course's;
-- a filled internship's openings are internship places.
update ledger_entry set quantity = 1, unit = 'channels' where origin = 'REALISED' and category = 'OUTREACH_CHANNELS';
update ledger_entry set category = 'COURSE_PLACES' where origin = 'REALISED' and category = 'EXPERTISE' and unit = 'places';
update ledger_entry set unit = 'places' where origin = 'REALISED' and category = 'INTERNSHIP_PLACES' and unit = 'vacancies';

-- 2. The one unit of each kind; a pledge in another name of it is renamed.
create temporary table ledger_kind (category text primary key, unit text not null);
insert into ledger_kind values ('VACANCIES', 'vacancies'), ('INTERNSHIP_PLACES', 'places'), ('PROJECT_DAYS', 'days'),
    ('PUPIL_PLACES', 'places'), ('COURSE_PLACES', 'places'), ('MEASURES', 'measures'), ('ROOMS_INFRASTRUCTURE', 'rooms'),
    ('STAFF_HOURS', 'hours'), ('EXPERTISE', 'hours'), ('FUNDING', 'EUR'), ('DATA', 'reports'), ('OUTREACH_CHANNELS', 'channels'),
    ('VACANCIES_FILLED', 'vacancies'), ('CLIENTS_PLACED', 'people'), ('APPRENTICES_TRAINED', 'apprentices'),
    ('PARTICIPANTS_SENT', 'participants'), ('RETURNEES_HIRED', 'returnees');
update ledger_entry e set unit = k.unit
from ledger_kind k, (values ('positions', 'vacancies'), ('position', 'vacancies'), ('vacancy', 'vacancies'), ('stellen', 'vacancies'),
        ('place', 'places'), ('plätze', 'places'), ('day', 'days'), ('tage', 'days'), ('projekttage', 'days'), ('hour', 'hours'),
        ('stunden', 'hours'), ('room', 'rooms'), ('räume', 'rooms'), ('channel', 'channels'), ('kanäle', 'channels'), ('euro', 'EUR'),
        ('eur', 'EUR'), ('€', 'EUR'), ('labour-market reports', 'reports'), ('report', 'reports'), ('berichte', 'reports'))
     as s(synonym, unit)
where e.category = k.category and lower(e.unit) = s.synonym and s.unit = k.unit;
-- A pledge in a unit that is no name of its kind's (e.g. project days pledged in weeks) cannot be converted: it is
-- taken back — kept and listed, marked, no longer counted — and its partner pledges again in the kind's unit.
update ledger_entry e set reversed_by = 'V20: unit of another vocabulary', reversed_at = now()
from ledger_kind k where e.category = k.category and e.unit <> k.unit and e.reversed_by is null;
drop table ledger_kind;
-- From now on every counted entry is in its kind's unit.
-- (is not distinct from: a check whose expression is null would pass, e.g. for an unknown category)
alter table ledger_entry add constraint ledger_entry_unit_of_kind check (reversed_by is not distinct from 'V20: unit of another vocabulary'
    or unit is not distinct from case category
    when 'VACANCIES' then 'vacancies' when 'INTERNSHIP_PLACES' then 'places' when 'PROJECT_DAYS' then 'days'
    when 'PUPIL_PLACES' then 'places' when 'COURSE_PLACES' then 'places' when 'MEASURES' then 'measures'
    when 'ROOMS_INFRASTRUCTURE' then 'rooms' when 'STAFF_HOURS' then 'hours' when 'EXPERTISE' then 'hours' when 'FUNDING' then 'EUR'
    when 'DATA' then 'reports' when 'OUTREACH_CHANNELS' then 'channels' when 'VACANCIES_FILLED' then 'vacancies'
    when 'CLIENTS_PLACED' then 'people' when 'APPRENTICES_TRAINED' then 'apprentices' when 'PARTICIPANTS_SENT' then 'participants'
    when 'RETURNEES_HIRED' then 'returnees' end);
