-- The give-and-gain ledger: what a partner contributes (GIVE) and what it gains (GAIN), pledged by people or realised
-- from other services' events. partner_id and network_id carry no foreign keys on purpose: partners and networks
-- belong to other features of this service, asked through PartnerDirectory / NetworkDirectory; features share no tables.
create table ledger_entry (
    id                uuid primary key,
    partner_id        uuid          not null,
    network_id        uuid,
    side              text          not null check (side in ('GIVE', 'GAIN')),
    category          text          not null,
    quantity          numeric(14, 2) not null check (quantity > 0),
    unit              text          not null check (length(unit) between 1 and 40),
    period_from       date          not null,
    period_to         date          not null,
    origin            text          not null check (origin in ('PLEDGED', 'REALISED')),
    pledged_by        text,
    source_event_id   text,
    source_event_type text,
    created_at        timestamptz   not null,
    check (period_from <= period_to),
    check ((origin = 'PLEDGED') = (pledged_by is not null)),
    check ((origin = 'REALISED') = (source_event_id is not null and source_event_type is not null))
);
-- Second guard besides consumed_event: one realised entry per source event and partner.
create unique index ledger_entry_source on ledger_entry (source_event_id, partner_id) where source_event_id is not null;
create index ledger_entry_partner on ledger_entry (partner_id, period_from);
create index ledger_entry_network on ledger_entry (network_id);
