-- Failed logins (form login of people, client credentials of HR clients) for throttling and lockout (issue #15): a
-- sliding window over this table, shared by every instance. Neither the typed username nor the address is kept in
-- clear: both are SHA-256 hashes (a typed username may be someone's e-mail address). Rows older than the window are
-- deleted by LoginFailures' clean-up.
create table login_failure (
    kind         text        not null check (kind in ('ACCOUNT', 'CLIENT')),
    subject_hash text        not null, -- SHA-256 of the lower-cased username or of the client id, hex
    address_hash text        not null, -- SHA-256 of the client address, hex
    at           timestamptz not null default now()
);
create index login_failure_subject on login_failure (kind, subject_hash, at);
create index login_failure_address on login_failure (address_hash, at);
