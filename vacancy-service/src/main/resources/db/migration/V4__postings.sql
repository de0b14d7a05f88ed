-- Postings (issue #4). Owned by the posting feature; the search feature reads this table through its own indexes
-- (V5+), the integration feature writes it through the posting feature's API.
create table posting (
    id                    uuid        primary key,
    employer_id           uuid        not null,               -- partner id of the company
    external_id           text        check (external_id is null or length(external_id) between 1 and 200),
    type                  text        not null check (type in ('JOB', 'APPRENTICESHIP', 'DUAL_STUDY', 'INTERNSHIP', 'PROJECT_DAY', 'WORKING_STUDENT')),
    status                text        not null check (status in ('DRAFT', 'PUBLISHED', 'FILLED', 'EXPIRED', 'WITHDRAWN')),
    title                 text        not null check (length(title) between 1 and 200),
    description           text        not null check (length(description) between 1 and 20000),
    kldb                  text        not null check (kldb ~ '^[0-9]{5}$'),
    occupation_group      text        not null generated always as (left(kldb, 3)) stored,
    postal_code           text        check (postal_code ~ '^[0-9]{5}$'),
    place                 text,
    kreis                 text        check (kreis ~ '^[0-9]{5}$'),
    latitude              double precision not null check (latitude between -90 and 90),
    longitude             double precision not null check (longitude between -180 and 180),
    working_time          text        not null check (working_time in ('FULL_TIME', 'PART_TIME', 'MINI_JOB')),
    remote_share          smallint    not null default 0 check (remote_share between 0 and 100),
    fixed_term            boolean     not null,
    start_date            date,
    end_date              date,                                   -- last day of a fixed-term contract
    valid_through         date        not null,
    openings              integer     not null default 1 check (openings between 1 and 10000),
    qualification_level   text        check (qualification_level in ('NONE', 'SCHOOL', 'VOCATIONAL', 'ADVANCED_VOCATIONAL', 'ACADEMIC')),
    german_level          text        check (german_level in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
    foreign_qualifications_welcome boolean not null default false,
    driving_licence       text,
    salary_min            numeric(10, 2) check (salary_min >= 0),
    salary_max            numeric(10, 2) check (salary_max >= 0),
    salary_period         text        check (salary_period in ('HOUR', 'MONTH', 'YEAR')),
    application_url       text,
    application_email     text,
    temporary_agency      boolean     not null default false,
    version               bigint      not null default 0,        -- optimistic locking, ETag
    content_hash          text,                                   -- integration API: "unchanged" detection
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    published_at          timestamptz,
    closed_at             timestamptz,
    close_reason          text        check (close_reason in ('FILLED', 'EXPIRED', 'WITHDRAWN')),
    close_detail          text,
    views                 bigint      not null default 0,
    application_clicks    bigint      not null default 0,
    check (salary_min is null or salary_max is null or salary_min <= salary_max),
    -- an Ausbildung may start months after its posting's valid-through (the application deadline): no check between them
    check (start_date is null or end_date is null or start_date <= end_date),
    check (end_date is null or fixed_term),
    check ((status in ('FILLED', 'EXPIRED', 'WITHDRAWN')) = (closed_at is not null and close_reason is not null)),
    check (application_url is not null or application_email is not null)
);
-- one posting per (company, external id): the integration API's idempotent PUT
create unique index posting_employer_external on posting (employer_id, external_id) where external_id is not null;
create index posting_employer_status on posting (employer_id, status);
-- expiry sweep
create index posting_published_valid_through on posting (valid_through) where status = 'PUBLISHED';
