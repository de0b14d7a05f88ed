-- Reference data (issue #4): GeoNames postal codes and the KldB 2010 (V. 2020), filled by the importers of the
-- referencedata feature (demo subset at start-up when empty; full files on an operator's import).

-- One row per (postal code, place): a code may serve several places, sometimes in different Kreise.
create table postal_code (
    code       text             not null check (code ~ '^[0-9]{5}$'),
    place      text             not null check (place <> ''),
    land_code  text             check (land_code ~ '^[0-9]{2}$'),      -- first two digits of the Kreis key
    kreis_code text             check (kreis_code ~ '^[0-9]{5}$'),     -- Kreisschlüssel (GeoNames community_code)
    kreis_name text,
    latitude   double precision not null check (latitude between -90 and 90),
    longitude  double precision not null check (longitude between -180 and 180),
    primary key (code, place),                                         -- also the index of the lookup by code
    check ((land_code is null) = (kreis_code is null) and (kreis_code is null or land_code = left(kreis_code, 2)))
);
create index postal_code_kreis on postal_code (kreis_code);

-- KldB 2010 V. 2020, all five levels; the key is padded to its level's number of digits (level 2 "01", level 5 "01104").
create table occupation (
    key         text     primary key check (key ~ '^[0-9]{1,5}$'),
    level       smallint not null check (level between 1 and 5),
    title       text     not null check (title <> ''),
    short_title text,
    check (length(key) = level)
);
-- prefix search (key like '26%') whatever the database collation
create index occupation_key_prefix on occupation (key text_pattern_ops);
