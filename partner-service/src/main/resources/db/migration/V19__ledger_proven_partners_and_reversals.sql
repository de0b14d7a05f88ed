-- #16: credit only proven partners, reverse entries whose cause was cancelled (README, "Whom the ledger credits").
-- The network of each published measure, learnt from measure-published.v1: a registration names its measure only,
-- and its sending partner is credited only as an active member of that network.
create table ledger_measure (
    measure_id uuid primary key,
    network_id uuid not null
);
-- A cancelled cause (a registration, a measure): its entries are reversed (kept, marked, no longer counted), and an
-- entry for it that arrives later is written reversed at once — cancelling is final, so the order does not matter.
create table ledger_cancelled_cause (
    cause_id     text primary key,
    event_id     text        not null,
    cancelled_at timestamptz not null
);
alter table ledger_entry add column reversed_by text;
alter table ledger_entry add column reversed_at timestamptz;
