-- What registrations need of a measure. SHORTCUT(#6): measures are still inserted directly (tests, later the demo
-- data); creating and managing them, with hosts that are active members, comes with the next step of issue 6.
alter table measure
    add column capacity               int check (capacity > 0),
    add column registration_opens_at  timestamptz,
    add column registration_closes_at timestamptz,
    add column status                 text not null default 'PLANNED'
        check (status in ('PLANNED', 'OPEN', 'FULL', 'RUNNING', 'COMPLETED', 'CANCELLED')),
    -- Confirmed places, kept by the registrations under the measure's row lock. The check is the last line of
    -- defence: even a bug in the code cannot commit more confirmed places than capacity.
    add column confirmed_places       int not null default 0,
    add constraint measure_places_within_capacity check (confirmed_places >= 0 and confirmed_places <= coalesce(capacity, 0)),
    add constraint measure_open_has_capacity check (status not in ('OPEN', 'FULL') or capacity is not null),
    add constraint measure_window_in_order check (registration_opens_at < registration_closes_at);

-- Name and e-mail stay in this table: they never leave the service (events carry ids and places only).
create table registration (
    id                 uuid primary key,
    measure_id         uuid        not null references measure (id),
    -- Order of arrival: registrations of one measure are inserted under its row lock, so seq is their FIFO order.
    seq                bigint generated always as identity,
    name               text        not null,
    email              text        not null,
    sending_partner_id uuid,
    places             int         not null check (places > 0),
    status             text        not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    -- SHA-256 of the cancellation token; the token itself is shown once, to the person registering.
    token_hash         bytea       not null,
    registered_at      timestamptz not null default now(),
    confirmed_at       timestamptz,
    cancelled_at       timestamptz
);
create index registration_waitlist on registration (measure_id, seq) where status = 'WAITLISTED';
create index registration_measure on registration (measure_id, status);

-- One row per Idempotency-Key: the unique key makes concurrent retries wait for the first and then find its result.
create table registration_idempotency (
    idempotency_key text primary key,
    request_hash    bytea       not null,
    registration_id uuid        not null references registration (id) deferrable initially deferred,
    created_at      timestamptz not null default now()
);
