-- Today's schema (V0_1): the relay marks each relayed row with published_at.
create extension if not exists pg_stat_statements;
drop table if exists outbox_event, outbox_relay_cursor, consumed_event, redriven_dead_letter;
\ir ../../../platform/src/main/resources/db/platform/V0_1__platform_outbox_and_inbox.sql
\ir rows.sql
