-- Public search (issue #4), owned by the search feature: German full text, filters, radius, facets over the
-- PUBLISHED rows of the posting table (V4, owned by the posting feature). Every index here is partial on
-- status = 'PUBLISHED': only those rows are public, and the search always says so literally in its SQL.

-- Umlauts and ß. The German Snowball stemmer of the built-in 'german' configuration turns ß into ss and drops the
-- umlaut marks at the end (Bäcker → back, Kräfte → kraft), but it does not know the ASCII spellings ae/oe/ue
-- (Baecker → baeck). search_fold applies the rule of Snowball's "german2" variant before stemming, on the stored
-- text and on the query alike: ae → ä, oe → ö, ue → ü (not after q: Quelle, Aquaeduct stay), ß → ss. Capital
-- umlauts are lowered first (lower() does not fold non-ASCII letters in a C-collated database), and a slash
-- becomes a space: the parser would read "Mechatroniker/in" as one file-path token.
-- Not STRICT, and plain replace() rather than regular expressions: the planner inlines such a SQL function into the
-- generated column and the query, where a function call per row would cost more than the text search itself.
-- Result: Bäcker = Baecker = Bäckerei's stem back…, Straße = Strasse, Kräfte = Kraft; a rare false friend of the
-- german2 rule (Michael ~ Michäl) costs nothing because both sides are folded the same way.
create function search_fold(t text) returns text
    language sql immutable parallel safe
as $$
    select replace(replace(replace(replace(replace(
             lower(translate(t, 'ÄÖÜẞ/', 'äöüß ')), 'ae', 'ä'), 'oe', 'ö'), 'ue', 'ü'), 'qü', 'que'), 'ß', 'ss')
$$;

-- Title weighs more than description (A > B) in ts_rank.
alter table posting add column search_vector tsvector generated always as (
    setweight(to_tsvector('german'::regconfig, search_fold(title)), 'A') ||
    setweight(to_tsvector('german'::regconfig, search_fold(description)), 'B')) stored;

-- Great-circle distance in km (haversine, mean earth radius); inlined by the planner.
create function search_distance_km(lat1 double precision, lon1 double precision,
                                   lat2 double precision, lon2 double precision) returns double precision
    language sql immutable parallel safe
as $$
    select 2 * 6371.0088 * asin(least(1.0, sqrt(
             power(sin(radians(lat2 - lat1) / 2), 2)
             + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;

create index posting_public_text on posting using gin (search_vector) where status = 'PUBLISHED';
-- sort by date (newest first: scanned backwards) with its keyset (published_at, id) < (…), "published within N days"
create index posting_public_published on posting (published_at, id) where status = 'PUBLISHED';
-- occupation by KldB code or prefix (like '261%') whatever the collation
create index posting_public_kldb on posting (kldb text_pattern_ops) where status = 'PUBLISHED';
create index posting_public_kreis on posting (kreis) where status = 'PUBLISHED';
-- radius: a bounding box of latitude and longitude ranges, then the exact great-circle distance. A btree rather than
-- GiST on point(longitude, latitude): the planner estimates ranges of plain columns from their histograms (a GiST
-- box test gets a fixed guess of a few rows), so it can weigh the box against the text index instead of fetching
-- every posting that contains the words. The longitude range is checked inside the index.
create index posting_public_location on posting (latitude, longitude) where status = 'PUBLISHED';
-- network filter: postings of the network's active member companies
create index posting_public_employer on posting (employer_id) where status = 'PUBLISHED';
