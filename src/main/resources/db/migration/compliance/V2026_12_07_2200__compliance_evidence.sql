-- The auditor's evidence packages: one row per package asked for, its progress while it is built and
-- the ZIP once done. "running" is 1 while a package is being built and null otherwise: its unique
-- key lets one package be built at a time across the cluster (any number of nulls are allowed).
create table compliance_evidence (
    id uuid primary key,
    period_from date not null,
    period_to date not null,
    requested_by varchar(200) not null,
    requested_at timestamp with time zone not null,
    state varchar(16) not null,
    done_files integer not null,
    total_files integer not null,
    running integer unique,
    content bytea,
    sha256 varchar(64),
    finished_at timestamp with time zone
);
