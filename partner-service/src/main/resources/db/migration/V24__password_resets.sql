-- "Forgot password" (issue #18): an account may name the mail address its reset links go to (personal data: never
-- logged, never on Kafka). A reset is a random secret of which only the SHA-256 is kept; it is valid once, for a
-- short time, and a newer request replaces an older one.
alter table account add column email text check (email is null or length(email) between 3 and 254);

create table password_reset (
    token_hash  bytea primary key,
    account_id  uuid        not null references account (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index password_reset_account on password_reset (account_id, created_at);
