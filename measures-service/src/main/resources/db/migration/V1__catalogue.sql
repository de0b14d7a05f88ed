-- SHORTCUT(#6): the catalogue's first table; measures, sessions and registrations come with issue 6.
create table measure (
    id         uuid primary key,
    title      text        not null,
    type       text        not null,
    starts_on  date,
    created_at timestamptz not null default now()
);
create index measure_starts_on on measure (starts_on, id);
