-- The authorization server's signing key when none is configured by location: generated once, kept here so tokens
-- stay valid across restarts and every instance signs with the same key. The private key never leaves this table.
create table identity_signing_key (
    kid         text primary key,
    private_key text        not null, -- PKCS#8, base64
    public_key  text        not null, -- X.509 SubjectPublicKeyInfo, base64
    created_at  timestamptz not null default now()
);
