-- Limits against abuse (issue 15). Nothing here holds an address, a User-Agent or a name: only keyed hashes
-- (HMAC-SHA256 with the installation's pseudonym key), kept only as long as their window lasts.

-- pseudonyms: the installation's random key, created by the first instance that starts and shared by all of them.
create table pseudonym_key (
    id     integer primary key check (id = 1),
    secret bytea   not null check (length(secret) = 32)
);

-- returnees: mails caused by anonymous sign-ups, per address (its keyed hash), for the limit per address and window.
create table sign_up_mail (
    address_hash bytea       not null,
    sent_at      timestamptz not null default now()
);
create index sign_up_mail_address on sign_up_mail (address_hash, sent_at);
create index sign_up_mail_sent on sign_up_mail (sent_at);

-- landing: a visitor (keyed hash of code, address and User-Agent) counted without a cookie, until its window ends.
create table scan_visitor (
    code       text        not null references tracking_code (code),
    visitor    bytea       not null,
    seen_until timestamptz not null,
    primary key (code, visitor)
);
create index scan_visitor_until on scan_visitor (seen_until);
