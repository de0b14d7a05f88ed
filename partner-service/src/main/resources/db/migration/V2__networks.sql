-- Networks are the tenants of an installation. The region is a list of Kreisschlüssel (validated by the API).
create table network (
    id         uuid primary key,
    name       text        not null check (length(name) between 1 and 200),
    region     text[]      not null check (cardinality(region) between 1 and 100),
    goals      text        not null default '' check (length(goals) <= 4000),
    legal_form text        not null,
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    created_by text        not null,
    updated_at timestamptz not null default now()
);
create unique index network_name on network (lower(name));
