-- Checks editable by SECURITY and versioned: device_check holds the version in force, every
-- version (the first included) is kept in device_check_version, and each answer keeps the version
-- of the query it answered.
alter table device_check add column version int default 1 not null;
alter table device_check add column enabled boolean default true not null;
-- How to fix a failing check, per language; null keeps the text shipped in the message bundles.
alter table device_check add column fix_en varchar(2000);
alter table device_check add column fix_fr varchar(2000);
alter table device_check add column fix_nl varchar(2000);

create table device_check_version (
    check_id varchar(64) not null references device_check (id),
    version int not null,
    clause varchar(8) not null,
    query_darwin varchar(4000),
    query_windows varchar(4000),
    query_linux varchar(4000),
    enabled boolean not null,
    fix_en varchar(2000),
    fix_fr varchar(2000),
    fix_nl varchar(2000),
    changed_at timestamp with time zone not null,
    changed_by varchar(320) not null,
    primary key (check_id, version)
);

insert into device_check_version (check_id, version, clause, query_darwin, query_windows, query_linux, enabled,
    changed_at, changed_by)
select id, 1, clause, query_darwin, query_windows, query_linux, true, current_timestamp, 'system' from device_check;

alter table check_result add column check_version int default 1 not null;
