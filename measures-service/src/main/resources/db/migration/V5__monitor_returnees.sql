-- monitor: returnee campaigns from outreach-events — pseudonymous steps only (no name, no e-mail ever reach this
-- service). One row per step; a replayed or redriven step finds its row and changes nothing.
create table monitor_returnee_step (
    returnee_id      uuid        not null,
    step             text        not null check (step in ('SIGNED_UP', 'CONFIRMED', 'MATCHED', 'RETURNED', 'HIRED')),
    -- the vacancy of a match (a returnee may be matched to several), '' otherwise
    detail           text        not null default '',
    network_id       uuid        not null,
    occupation_group text,
    occurred_at      timestamptz not null,
    primary key (returnee_id, step, detail)
);
create index monitor_returnee_network on monitor_returnee_step (network_id, occurred_at);
