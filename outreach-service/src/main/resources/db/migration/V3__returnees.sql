-- Returnees (issue 7): sign-ups with consent and double opt-in, the postal-code reference for regions, the vacancy
-- projection and matches, scan windows. Personal data lives only in returnee (anonymised on erasure).

-- landing: the network a code belongs to, so scans can be counted per network without asking campaigns.
alter table tracking_code add column network_id uuid;
update tracking_code t set network_id = c.network_id from material_batch b join campaign c on c.id = b.campaign_id
    where b.id = t.batch_id;

-- landing: scans per batch and time window, published as augenhoehe.outreach.scans-counted.v1 once the window is over.
create table scan_window (
    code         text        not null references tracking_code (code),
    window_start timestamptz not null,
    window_end   timestamptz not null,
    scans        integer     not null check (scans > 0),
    published    boolean     not null default false,
    primary key (code, window_start)
);
create index scan_window_unpublished on scan_window (window_end) where not published;

-- regions: postal codes with their centre (a demo subset here; the GeoNames file is imported by PostalCodeImport).
create table postal_code (
    code      text primary key check (code ~ '^[0-9]{5}$'),
    place     text not null,
    kreis     text check (kreis is null or kreis ~ '^[0-9]{5}$'),
    latitude  double precision not null,
    longitude double precision not null
);
insert into postal_code (code, place, kreis, latitude, longitude) values
    ('26789', 'Leer (Ostfriesland)', '03457', 53.2316, 7.4610),
    ('26871', 'Papenburg', '03454', 53.0770, 7.4039),
    ('49716', 'Meppen', '03454', 52.6906, 7.2910),
    ('48529', 'Nordhorn', '03456', 52.4351, 7.0681),
    ('26721', 'Emden', '03402', 53.3670, 7.2060),
    ('49808', 'Lingen (Ems)', '03454', 52.5230, 7.3230),
    ('74072', 'Heilbronn', '08121', 49.1427, 9.2109),
    ('10115', 'Berlin', '11000', 52.5323, 13.3846),
    ('80331', 'München', '09162', 48.1372, 11.5755);

-- returnees: the versioned consent texts a sign-up may refer to (the exact text shown on the landing page).
create table consent_text (
    version  text primary key,
    purpose  text not null check (purpose in ('MATCHING', 'MATCH_NOTIFICATIONS', 'NETWORK_CONTACT')),
    body     text not null,
    valid_from date not null
);
insert into consent_text (version, purpose, body, valid_from) values
    ('matching-2026-11', 'MATCHING', 'Ich willige ein, dass das Netzwerk meine Angaben speichert, um mir passende Stellen und Ausbildungsplätze in meiner alten Heimat zuzuordnen. Widerruf jederzeit über den Link in der Bestätigungs-Mail.', '2026-11-01'),
    ('notifications-2026-11', 'MATCH_NOTIFICATIONS', 'Ich möchte per E-Mail benachrichtigt werden, wenn eine passende Stelle veröffentlicht wird.', '2026-11-01'),
    ('network-contact-2026-11', 'NETWORK_CONTACT', 'Die Koordinierenden des Netzwerks dürfen meine E-Mail-Adresse sehen und mich zu passenden Angeboten kontaktieren.', '2026-11-01');

create table returnee (
    id                    uuid primary key,
    network_id            uuid        not null,
    campaign_id           uuid,
    batch_id              uuid,
    status                text        not null check (status in ('PENDING', 'CONFIRMED', 'ERASED')),
    -- personal data: null once erased
    first_name            text,
    last_name             text,
    email                 text,
    phone                 text,
    current_place         text,
    return_postal_code    text,
    qualification         text,
    -- the profile (not identifying on its own; kept for aggregate counts)
    occupation            text check (occupation is null or occupation ~ '^[0-9]{3}([0-9]{2})?$'),
    occupation_group      text check (occupation_group is null or occupation_group ~ '^[0-9]{3}$'),
    earliest_return       date,
    interests             text[]      not null default '{}',
    -- double opt-in and the personal management link: only hashes (SHA-256) are stored
    confirmation_hash     bytea unique,
    confirmation_expires  timestamptz,
    management_hash       bytea unique,
    signed_up_at          timestamptz not null default now(),
    confirmed_at          timestamptz,
    last_activity_at      timestamptz not null default now(),
    first_matched_at      timestamptz,
    returned_at           timestamptz,
    hired_at              timestamptz,
    hired_by              uuid,
    erased_at             timestamptz,
    erasure_reason        text check (erasure_reason is null or erasure_reason in ('REQUEST', 'UNCONFIRMED', 'INACTIVE')),
    check (status = 'ERASED' or (first_name is not null and email is not null))
);
create index returnee_network on returnee (network_id);
create index returnee_campaign on returnee (campaign_id);
create index returnee_pending on returnee (signed_up_at) where status = 'PENDING';
create unique index returnee_active_email on returnee (network_id, lower(email)) where status <> 'ERASED';

create table consent (
    id           uuid primary key,
    returnee_id  uuid        not null references returnee (id),
    purpose      text        not null,
    text_version text        not null references consent_text (version),
    given_at     timestamptz not null,
    source       text        not null,
    withdrawn_at timestamptz,
    unique (returnee_id, purpose)
);

-- what was mailed to whom (the kind and time only, never the content or address)
create table mail_sent (
    id          uuid primary key,
    returnee_id uuid        not null references returnee (id),
    kind        text        not null,
    sent_at     timestamptz not null default now()
);
create index mail_sent_returnee on mail_sent (returnee_id);

-- matching: the projection of vacancy-events and the matches of confirmed profiles
create table vacancy (
    id               uuid primary key,
    employer_id      uuid        not null,
    network_ids      uuid[]      not null,
    type             text        not null,
    kldb             text        not null,
    occupation_group text        not null,
    postal_code      text,
    kreis            text,
    latitude         double precision,
    longitude        double precision,
    start_date       date,
    valid_through    date,
    open             boolean     not null,
    occurred_at      timestamptz not null
);
create index vacancy_open_group on vacancy (occupation_group) where open;

create table returnee_match (
    returnee_id uuid        not null references returnee (id),
    vacancy_id  uuid        not null references vacancy (id),
    network_id  uuid        not null,
    distance_km double precision not null,
    status      text        not null check (status in ('OPEN', 'CLOSED')),
    matched_at  timestamptz not null default now(),
    closed_at   timestamptz,
    notified_at timestamptz,
    primary key (returnee_id, vacancy_id)
);
create index returnee_match_network on returnee_match (network_id);
create index returnee_match_unnotified on returnee_match (matched_at) where notified_at is null and status = 'OPEN';
