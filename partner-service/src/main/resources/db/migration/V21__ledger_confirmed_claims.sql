-- #16: an entry credited to a partner on another's claim (a registration's sending partner, an outcome's employer named
-- by the host, a hire's employer named by a coordinator) is PENDING until that partner's people confirm or reject it;
-- only CONFIRMED entries count in a balance (README, "Whom the ledger credits").
alter table ledger_entry add column confirmation text not null default 'CONFIRMED'
    check (confirmation in ('PENDING', 'CONFIRMED', 'REJECTED'));
-- who decided stays inside (like pledged_by): never served, never published
alter table ledger_entry add column decided_by text;
alter table ledger_entry add column decided_at timestamptz;
-- Entries credited so far on such claims were proven by membership only: they wait for their partner's confirmation.
update ledger_entry set confirmation = 'PENDING'
where origin = 'REALISED' and category in ('PARTICIPANTS_SENT', 'APPRENTICES_TRAINED', 'CLIENTS_PLACED', 'RETURNEES_HIRED');
create index ledger_entry_pending on ledger_entry (partner_id) where confirmation = 'PENDING';
