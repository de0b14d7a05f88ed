-- OAuth2 client-credentials clients of member companies' HR systems. partner_id has no foreign key on purpose: the
-- partners belong to the registry feature, asked through PartnerDirectory; the features share no tables.
-- Secrets are stored as SHA-256 hashes only (they are 256-bit random values, so a slow hash adds nothing); the
-- previous secret stays valid until previous_valid_until after a rotation.
create table integration_client (
    client_id            text primary key,
    partner_id           uuid        not null,
    name                 text        not null check (length(name) between 1 and 200),
    secret_hash          text        not null,
    previous_secret_hash text,
    previous_valid_until timestamptz,
    issued_at            timestamptz not null,
    issued_by            text        not null,
    rotated_at           timestamptz,
    revoked_at           timestamptz,
    revoked_by           text,
    last_used_at         timestamptz
);
create index integration_client_partner on integration_client (partner_id, issued_at);
