-- Postal code -> Kreis (issue #3): a partner's Kreis is derived from its address's postal code. A postal code may span
-- several Kreise; places counts the source's rows (places) naming the pair, and the Kreis with most places is the
-- default. Filled at start-up with a demo subset when empty, and by the GeoNames import together with the Kreise.
create table postal_code_kreis (
    postal_code text    not null check (postal_code ~ '^[0-9]{5}$'),
    kreis       text    not null references kreis (schluessel),
    places      integer not null check (places > 0),
    source      text    not null check (source in ('DEMO', 'GEONAMES')),
    primary key (postal_code, kreis)
);
