-- The visitor register (policy clause S3): pre-registered visits and walk-ins, each with a host
-- employee of the directory, checked in with a badge and checked out. Once the retention period has
-- passed the visitor's name, company and address are cleared (anonymised_at): the row stays, so the
-- month's counts and "visits without a host" stay true.
create table premises_visit (
    id uuid primary key,
    visitor_name varchar(200),
    company varchar(200),
    email varchar(320),
    language varchar(2) not null,
    expected_at timestamp with time zone not null,
    host_id uuid not null,
    escort boolean not null,
    walk_in boolean not null,
    badge varchar(40),
    checked_in_at timestamp with time zone,
    checked_out_at timestamp with time zone,
    created_at timestamp with time zone not null,
    anonymised_at timestamp with time zone
);

create index premises_visit_expected on premises_visit (expected_at);
create index premises_visit_on_site on premises_visit (checked_in_at, checked_out_at);
