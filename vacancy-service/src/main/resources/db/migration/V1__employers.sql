-- Projection of partner-events: the organisations that may become employers on the portal.
create table employer (
    partner_id uuid primary key,
    name       text        not null,
    kind       text        not null,
    known_since timestamptz not null,
    last_event text        not null
);
