-- Public search, second design (issue #4: p95 <= 30 ms on 1,000,000 postings). Owned by the search feature.
--
-- Why: with V5 the planner chose between the text index and the latitude/longitude box from estimates that are wrong
-- in dense cities (München 25 km: 4,820 estimated, 22,280 found) and then read tens of thousands of wide posting
-- rows. Now the plan does not depend on estimates: ONE GIN index over ONE tsvector holding the words AND synthetic
-- lexemes for the place (grid cells at four resolutions) and the selective filters, so a search is one tsquery and
-- GIN intersects the posting lists. The exact distance, the dates and the network stay filters on the few rows left.
-- The tsvector lives in a narrow table of the PUBLISHED postings only, maintained by triggers on posting (the posting
-- feature's write path stays untouched), so counting facets and ranking touch few pages.
--
-- Synthetic lexemes start with '§', a character the text parser never puts into a lexeme (it is a blank to it, also
-- inside URLs, e-mail addresses and paths), so they cannot collide with words of a title or description:
--   §t:JOB            type                         §w:PART_TIME   working time
--   §k:26 … §k:26123  KldB prefixes of 2 to 5 digits                §r:08121  Kreis
--   §g1:y:x … §g4:y:x grid cell of the place: floor(latitude / dlat), floor(longitude / dlon) with
--                     g1 0.1° × 0.15° (≈ 11 × 10 km), g2 0.25° × 0.375° (≈ 28 × 26 km), g3 0.6° × 0.9° (≈ 67 × 62 km),
--                     g4 1.6° × 2.4° (≈ 178 × 165 km); the search ORs the cells of one resolution that touch the circle
--                     (SearchSql.GRID must stay equal to these sizes).
-- Filters that most postings pass (fixed-term or not, agency or not, German level) are columns, not lexemes: as GIN
-- entries their posting lists (600,000+ items per million) cost more to decode than checking the few rows left.
-- For the same reason the search uses the columns, not the lexemes, when the filter includes JOB or FULL_TIME.

-- V5's indexes on posting are replaced by the narrow table's; the generated column goes (it cost two to_tsvector on
-- every insert AND every update of a posting, also of a draft and of the view counter).
drop index posting_public_text;
drop index posting_public_published;
drop index posting_public_kldb;
drop index posting_public_kreis;
drop index posting_public_location;
drop index posting_public_employer;
alter table posting drop column search_vector;

-- The words of a posting, title above description (A > B) for ts_rank; search_fold (V5) maps umlauts, ß and their
-- ASCII spellings to one form on both sides.
create function search_words(title text, description text) returns tsvector
    language sql immutable parallel safe
as $$
    select setweight(to_tsvector('german'::regconfig, search_fold(title)), 'A') ||
           setweight(to_tsvector('german'::regconfig, search_fold(description)), 'B')
$$;

create function search_lexemes(p_type text, p_working_time text, p_kldb text, p_kreis text,
        p_latitude double precision, p_longitude double precision) returns tsvector
    language sql immutable parallel safe
as $$
    select array_to_tsvector(array_remove(array[
        '§t:' || p_type, '§w:' || p_working_time,
        '§k:' || left(p_kldb, 2), '§k:' || left(p_kldb, 3), '§k:' || left(p_kldb, 4), '§k:' || p_kldb,
        '§r:' || p_kreis,
        '§g1:' || floor(p_latitude / 0.1::float8)::int || ':' || floor(p_longitude / 0.15::float8)::int,
        '§g2:' || floor(p_latitude / 0.25::float8)::int || ':' || floor(p_longitude / 0.375::float8)::int,
        '§g3:' || floor(p_latitude / 0.6::float8)::int || ':' || floor(p_longitude / 0.9::float8)::int,
        '§g4:' || floor(p_latitude / 1.6::float8)::int || ':' || floor(p_longitude / 2.4::float8)::int], null))
$$;

-- One row per PUBLISHED posting: what the search filters, sorts and counts on; the page's 20 hits are then read from
-- posting by id.
create table search_posting (
    id               uuid primary key,             -- posting.id
    employer_id      uuid not null,
    terms            tsvector not null,            -- search_words || search_lexemes
    latitude         double precision not null,
    longitude        double precision not null,
    published_at     timestamptz,
    valid_through    date not null,
    start_date       date,
    type             text not null,
    occupation_group text not null,
    kreis            text,
    working_time     text not null,
    fixed_term       boolean not null,
    temporary_agency boolean not null,
    german_level     text
);

-- Inserts per statement with a transition table: a COPY or a batch insert adds its published rows in one statement.
create function search_posting_added() returns trigger
    language plpgsql
as $$
begin
    insert into search_posting (id, employer_id, terms, latitude, longitude, published_at, valid_through, start_date, type,
                                occupation_group, kreis, working_time, fixed_term, temporary_agency, german_level)
    select p.id, p.employer_id,
           search_words(p.title, p.description) || search_lexemes(p.type, p.working_time, p.kldb, p.kreis,
               p.latitude, p.longitude),
           p.latitude, p.longitude, p.published_at, p.valid_through, p.start_date, p.type, p.occupation_group, p.kreis,
           p.working_time, p.fixed_term, p.temporary_agency, p.german_level
    from added p
    where p.status = 'PUBLISHED';
    return null;
end
$$;
create trigger posting_search_added after insert on posting
    referencing new table as added for each statement execute function search_posting_added();

-- Updates per row, and only when something the search sees changed (the trigger's WHEN clause: a view or click
-- counter, version or content hash costs nothing).
create function search_posting_changed() returns trigger
    language plpgsql
as $$
begin
    if new.status = 'PUBLISHED' then
        insert into search_posting (id, employer_id, terms, latitude, longitude, published_at, valid_through, start_date,
                                    type, occupation_group, kreis, working_time, fixed_term, temporary_agency, german_level)
        values (new.id, new.employer_id,
                search_words(new.title, new.description) || search_lexemes(new.type, new.working_time, new.kldb, new.kreis,
                    new.latitude, new.longitude),
                new.latitude, new.longitude, new.published_at, new.valid_through, new.start_date, new.type,
                new.occupation_group, new.kreis, new.working_time, new.fixed_term, new.temporary_agency, new.german_level)
        on conflict (id) do update set employer_id = excluded.employer_id, terms = excluded.terms,
            latitude = excluded.latitude, longitude = excluded.longitude, published_at = excluded.published_at,
            valid_through = excluded.valid_through, start_date = excluded.start_date, type = excluded.type,
            occupation_group = excluded.occupation_group, kreis = excluded.kreis, working_time = excluded.working_time,
            fixed_term = excluded.fixed_term, temporary_agency = excluded.temporary_agency, german_level = excluded.german_level;
    else
        delete from search_posting where id = old.id;
    end if;
    return null;
end
$$;
create trigger posting_search_changed after update on posting for each row
    when ((old.status = 'PUBLISHED' or new.status = 'PUBLISHED')
          and (old.status, old.employer_id, old.title, old.description, old.type, old.kldb, old.kreis, old.latitude,
               old.longitude, old.working_time, old.fixed_term, old.temporary_agency, old.german_level, old.published_at,
               old.valid_through, old.start_date)
              is distinct from
              (new.status, new.employer_id, new.title, new.description, new.type, new.kldb, new.kreis, new.latitude,
               new.longitude, new.working_time, new.fixed_term, new.temporary_agency, new.german_level, new.published_at,
               new.valid_through, new.start_date))
    execute function search_posting_changed();

create function search_posting_removed() returns trigger
    language plpgsql
as $$
begin
    delete from search_posting where id = old.id;
    return null;
end
$$;
create trigger posting_search_removed after delete on posting for each row
    when (old.status = 'PUBLISHED') execute function search_posting_removed();

create function search_posting_truncated() returns trigger
    language plpgsql
as $$
begin
    truncate search_posting;
    return null;
end
$$;
create trigger posting_search_truncated after truncate on posting
    for each statement execute function search_posting_truncated();

-- The postings published before this migration.
insert into search_posting (id, employer_id, terms, latitude, longitude, published_at, valid_through, start_date, type,
                            occupation_group, kreis, working_time, fixed_term, temporary_agency, german_level)
select p.id, p.employer_id,
       search_words(p.title, p.description) || search_lexemes(p.type, p.working_time, p.kldb, p.kreis,
           p.latitude, p.longitude),
       p.latitude, p.longitude, p.published_at, p.valid_through, p.start_date, p.type, p.occupation_group, p.kreis,
       p.working_time, p.fixed_term, p.temporary_agency, p.german_level
from posting p
where p.status = 'PUBLISHED';

-- words, place and filters: one GIN index, one scan
create index search_posting_terms on search_posting using gin (terms);
-- sort by date without text (newest first: scanned backwards) with its keyset (published_at, id) < (…)
create index search_posting_published on search_posting (published_at, id);

-- Short statements on an SSD: random reads cost about as much as sequential ones, and JIT compilation would cost
-- more than these queries. Set for this database where the migrating role may (it owns the database); elsewhere the
-- operator sets them (README, "Database settings").
do $$
begin
    execute format('alter database %I set random_page_cost = 1.1', current_database());
    execute format('alter database %I set jit = off', current_database());
exception when insufficient_privilege then
    raise notice 'search settings not applied (not the database owner): set random_page_cost = 1.1 and jit = off';
end
$$;
