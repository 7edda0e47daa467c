-- Devices also come from MDM exports (Intune, Jamf, Google endpoint management): such a device has
-- no osquery host identifier, node key or enroll secret until osquery enrolls it too. Imports
-- match devices by serial number. Each check result says where it came from.
alter table device alter column host_identifier drop not null;
alter table device alter column node_key_hash drop not null;
alter table device alter column enroll_secret_id drop not null;
alter table device add column source varchar(16) default 'osquery' not null;

create index device_serial on device (serial);

alter table check_result add column source varchar(16) default 'osquery' not null;
