-- An organisation's public web presence (issue #17: JobPosting's hiringOrganization.sameAs and logo): its website and
-- where its logo is published. Business data, not personal; https only, bounded like the API (HttpsUrl).
alter table partner
    add column website  text check (website ~ '^https://' and length(website) <= 500),
    add column logo_url text check (logo_url ~ '^https://' and length(logo_url) <= 500);
