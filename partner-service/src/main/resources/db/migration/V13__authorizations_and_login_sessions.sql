-- Authorizations of the embedded authorization server (issue #3): authorization codes with their PKCE state, and the
-- tokens issued for them, so a login may start at one instance and its code be redeemed at another. Codes and tokens
-- are found by the SHA-256 of their value only; the serialized authorization holds no code or token value (they are
-- replaced by their hashes), so a reader of this table can redeem no code and present no token.
create table oauth2_authorization (
    id                   text primary key,
    registered_client_id text        not null,
    principal_name       text        not null,
    grant_type           text        not null,
    state_hash           bytea unique,
    code_hash            bytea unique,
    -- set exactly once, by the redemption that won: a second redemption of the code can no longer store its tokens
    code_redeemed        boolean     not null default false,
    access_token_hash    bytea unique,
    id_token_hash        bytea unique,
    refresh_token_hash   bytea unique,
    expires_at           timestamptz not null, -- the latest expiry of its code and tokens: deleted after that
    authorization_data   bytea       not null, -- java-serialized OAuth2Authorization, token values redacted
    updated_at           timestamptz not null default now()
);
create index oauth2_authorization_expiry on oauth2_authorization (expires_at);

-- The login's HTTP session (Spring Session JDBC's PostgreSQL schema): the saved authorize request, the CSRF token of
-- the login form and the signed-in person, shared by all instances. Expired sessions are deleted by Spring Session.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
