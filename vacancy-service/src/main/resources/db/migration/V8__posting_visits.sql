-- Issue #15: public counters count a visitor at most once per window. A visitor is a keyed hash (HMAC-SHA256) of the
-- client address and user agent, never the raw values; rows older than the window are deleted (VisitCounter.cleanUp),
-- so the table holds only the last window's visitors. Shared by all instances, so several count as one.
create table posting_visit (
    posting_id  uuid        not null references posting (id) on delete cascade,
    kind        char(1)     not null check (kind in ('V', 'C')), -- view, application click
    visitor     bytea       not null check (length(visitor) = 32),
    counted_at  timestamptz not null,
    primary key (posting_id, kind, visitor)
);
create index posting_visit_counted_at on posting_visit (counted_at);
