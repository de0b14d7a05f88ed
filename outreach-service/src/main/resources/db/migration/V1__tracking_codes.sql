-- SHORTCUT(#7): tracking codes and their scan counts; campaigns and batches come with issue 7.
create table tracking_code (
    code        text primary key check (code ~ '^[0-9A-HJKMNP-TV-Z]{4,12}$'),
    campaign_id uuid   not null,
    scans       bigint not null default 0
);
