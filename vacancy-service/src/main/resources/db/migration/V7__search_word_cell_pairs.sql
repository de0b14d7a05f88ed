-- Public search, third step (issue #4): a frequent word in a wide circle.
--
-- Why: for "Führerschein" within 50 km of Stade (1,000,000 postings) GIN spent 33 ms of a 66 ms search. The word's
-- posting list (156,000 items) is longer than each grid cell's, so GIN enumerated the union of the circle's 19 §g2
-- cells (54,000 postings) and tested the query on each, to keep 9,487. Now a second GIN index holds every word of a
-- posting paired with the posting's §g2 cell ('fuhrerschein§212:24'), and such a search asks it for the word's pairs
-- in the circle's cells instead of word AND cells: those lists hold only the word's postings in those cells, so GIN
-- touches exactly the 9,487 (9 ms; EXPLAIN ANALYZE in infra/benchmarks/vacancy-search/README.md).
--
-- The pairs live only in the index (an expression index): stored in the table as well, they made every row twice as
-- wide (746 → 1,406 MB per 900,000 postings) and every search's heap reads slower. A pair query has no phrase and no
-- weight, so GIN needs no recheck and the expression is not computed at search time (only for a lossy bitmap page).
--
-- A pair is the lexeme, '§', then floor(latitude / 0.25):floor(longitude / 0.375) — the §g2 cell of V6 and of
-- SearchSql.GRID[1]. The text parser never puts '§' into a lexeme, so a pair cannot collide with a word. The
-- synthetic lexemes of V6 (type, working time, KldB, Kreis, cells) are kept as they are, so the selective filters work
-- in the same index query.
create function search_located(terms tsvector, p_latitude double precision, p_longitude double precision) returns tsvector
    language sql immutable parallel safe
as $$
    select array_to_tsvector(array(
        select case when left(l, 1) = '§' then l
                    else l || '§' || floor(p_latitude / 0.25::float8)::int || ':' || floor(p_longitude / 0.375::float8)::int end
        from unnest(tsvector_to_array(terms)) l))
$$;

create index search_posting_located on search_posting using gin (search_located(terms, latitude, longitude));
