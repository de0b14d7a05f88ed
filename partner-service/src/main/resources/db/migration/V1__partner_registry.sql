create table partner (
    id            uuid primary key,
    name          text        not null check (length(name) between 1 and 200),
    kind          text        not null,
    registered_at timestamptz not null default now(),
    registered_by text        not null
);
create unique index partner_name_kind on partner (lower(name), kind);
