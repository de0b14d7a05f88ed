-- The Kreise (districts and district-free cities) by Kreisschlüssel: what network regions and partner addresses are
-- validated against. Filled at start-up with a hand-written demo subset when empty, and by the GeoNames import.
create table kreis (
    schluessel text primary key check (schluessel ~ '^(0[1-9]|1[0-6])[0-9]{3}$'),
    name       text        not null check (length(name) between 1 and 200),
    source     text        not null check (source in ('DEMO', 'GEONAMES')),
    updated_at timestamptz not null default now()
);
