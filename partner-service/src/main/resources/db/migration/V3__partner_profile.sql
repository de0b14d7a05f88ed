-- A partner's profile: address, industry and size (companies only, checked here too), and a version for optimistic
-- locking. Contact persons are personal data: they live in partner_contact and never leave this service.
alter table partner
    add column street            text check (length(street) <= 200),
    add column postal_code       text check (postal_code ~ '^[0-9]{5}$'),
    add column city              text check (length(city) <= 100),
    add column kreis             text check (kreis ~ '^(0[1-9]|1[0-6])[0-9]{3}$'),
    add column industry_section  text check (industry_section ~ '^[A-U]$'),
    add column industry_division text check (industry_division ~ '^[0-9]{2}$'),
    add column size_class        text,
    add column version           bigint      not null default 0,
    add column updated_at        timestamptz not null default now(),
    add constraint partner_company_fields check (kind = 'COMPANY' or (industry_section is null and size_class is null)),
    add constraint partner_division_needs_section check (industry_division is null or industry_section is not null);

create table partner_contact (
    partner_id    uuid    not null references partner (id) on delete cascade,
    position      int     not null,
    name          text    not null check (length(name) between 1 and 200),
    business_role text    not null check (length(business_role) between 1 and 200),
    email         text    not null check (length(email) between 3 and 254),
    phone         text check (length(phone) <= 30),
    primary key (partner_id, position)
);
