create table widget (id uuid primary key, name text not null);
create table applied_change (id bigserial primary key, event_id text not null, widget_id text not null, name text not null);
