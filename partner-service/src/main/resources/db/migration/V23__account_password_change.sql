-- An account created with a one-time initial password must get a password of the person's own at its first login
-- (issue #18): the authorization server issues no code until it has. Existing accounts keep working as they are.
alter table account add column password_change_required boolean not null default false;
