-- A realised entry may concern several networks at once (a vacancy of an employer that is a member of two networks):
-- network_ids lists them all, so each network's balance counts the entry while the partner's balance counts it once.
-- network_id stays for the common single-network case (pledges, measures) and is null when there are several.
alter table ledger_entry add column network_ids uuid[] not null default '{}';
update ledger_entry set network_ids = array[network_id] where network_id is not null;
alter table ledger_entry add constraint ledger_entry_network_listed
    check (network_id is null or network_ids = array[network_id]);
create index ledger_entry_network_ids on ledger_entry using gin (network_ids);
