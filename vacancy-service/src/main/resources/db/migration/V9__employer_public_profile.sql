-- Issue #17: an employer's public business data from partner-events — business address, website, logo — for the
-- JobPosting JSON-LD (hiringOrganization.sameAs/logo, the workplace's street). Organisation data, not personal data;
-- partner-service checks it (https only, bounded), the columns are bounded too.
alter table employer
    add column street      text check (length(street) <= 200),
    add column postal_code text check (postal_code ~ '^[0-9]{5}$'),
    add column city        text check (length(city) <= 100),
    add column website     text check (website ~ '^https://' and length(website) <= 500),
    add column logo_url    text check (logo_url ~ '^https://' and length(logo_url) <= 500);
