-- People's accounts: each belongs to one partner (no foreign key: the registry feature owns partners) and holds
-- roles; coordinator_networks are the networks in which a coordinator account coordinates. Passwords are hashed
-- (bcrypt, Spring Security's delegating format); the username is personal data and never leaves this service.
create table account (
    id                   uuid primary key,
    partner_id           uuid        not null,
    username             text        not null check (length(username) between 3 and 100),
    password_hash        text        not null,
    roles                text[]      not null,
    coordinator_networks uuid[]      not null default '{}',
    enabled              boolean     not null default true,
    created_at           timestamptz not null,
    created_by           text        not null,
    version              bigint      not null default 0
);
create unique index account_username on account (lower(username));
create index account_partner on account (partner_id, created_at);
