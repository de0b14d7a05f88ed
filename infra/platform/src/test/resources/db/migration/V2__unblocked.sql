create table unblocked_name (name text primary key);
