-- The generated signing keys are rotated and their private keys encrypted at rest (issue #15): private_key holds
-- base64(iv || AES-GCM ciphertext) under augenhoehe.identity.key-encryption-secret, with the kid as associated data.
-- Keys stored before are PLAIN and encrypted in place at the next start (SigningKeyRing).
alter table identity_signing_key add column private_key_format text not null default 'PLAIN'
    check (private_key_format in ('PLAIN', 'AES-GCM'));
create index identity_signing_key_created on identity_signing_key (created_at desc);
