-- The software installed on each device as osquery last reported it (apps, programs, deb_packages,
-- rpm_packages), the catalogue of approved software (clause S6) and employees' requests to add to it.
alter table device add column software_sent_at timestamp with time zone;

-- The device's current list: replaced at each report; first_seen survives while the item stays.
create table device_software (
    device_id uuid not null references device (id),
    name varchar(300) not null,
    version varchar(100) not null,
    publisher varchar(300),
    first_seen_at timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    primary key (device_id, name, version)
);

create index device_software_name on device_software (name);

-- A name pattern is exact, or a glob where * stands for any characters (case ignored). Publisher
-- (or, on macOS, the bundle identifier) and platform narrow it when given.
create table approved_software (
    id uuid primary key,
    pattern varchar(300) not null,
    publisher varchar(300),
    platform varchar(32),
    note varchar(500),
    created_at timestamp with time zone not null,
    created_by varchar(200) not null
);

-- An employee's request to approve a software item; SECURITY approves (a catalogue entry) or refuses.
create table software_request (
    id uuid primary key,
    requester_id uuid,
    name varchar(300) not null,
    reason varchar(2000) not null,
    status varchar(16) not null,
    created_at timestamp with time zone not null,
    decided_at timestamp with time zone,
    decided_by varchar(200),
    refusal varchar(2000)
);

create index software_request_status on software_request (status, created_at);
create index software_request_requester on software_request (requester_id);

-- The seed: operating-system components and osquery itself, so a stock device is not all findings.
insert into approved_software (id, pattern, publisher, platform, note, created_at, created_by) values
('00000000-0000-0000-0d5e-000000000001', 'osquery', NULL, NULL, 'Charter''s own agent', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000002', '*', 'com.apple.*', 'darwin', 'Apple''s own applications (bundle identifier com.apple.*)', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000003', '*', 'Microsoft Corporation', 'windows', 'Windows components and Microsoft runtimes', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000004', '*', '*ubuntu*', 'linux', 'Ubuntu''s packages (maintainer at ubuntu.com)', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000005', '*', '*debian*', 'linux', 'Debian''s packages (maintainer at debian.org)', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000006', '*', 'Red Hat*', 'linux', 'Red Hat''s packages (vendor Red Hat, Inc.)', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000007', '*', 'Fedora Project', 'linux', 'Fedora''s packages', current_timestamp, 'system');
