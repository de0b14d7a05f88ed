-- Memberships partner <-> network. network_id has no foreign key on purpose: networks belong to another feature of
-- this service, which is asked through its public NetworkDirectory; the features share no tables.
create table membership (
    id              uuid primary key,
    partner_id      uuid        not null references partner (id),
    network_id      uuid        not null,
    status          text        not null check (status in ('APPLIED', 'ACTIVE', 'SUSPENDED', 'ENDED')),
    applied_at      timestamptz not null,
    active_since    timestamptz,
    suspended_since timestamptz,
    ended_at        timestamptz
);
-- At most one open membership of a partner in a network; ended ones stay as history, so a partner may re-apply.
create unique index membership_open on membership (partner_id, network_id) where status <> 'ENDED';
create index membership_network on membership (network_id, status);

-- Every step with who took it (the account's subject): kept here, never published.
create table membership_history (
    membership_id uuid        not null references membership (id),
    seq           int         not null,
    status        text        not null,
    at            timestamptz not null,
    by_subject    text        not null,
    primary key (membership_id, seq)
);
