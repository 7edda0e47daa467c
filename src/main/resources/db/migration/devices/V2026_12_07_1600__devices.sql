-- Devices enrolled through osquery's TLS remote API, the secrets they enroll with, the posture
-- checks sent to them and each check's results over time. Only SHA-256 hashes of enroll secrets
-- and node keys are stored.
create table enroll_secret (
    id uuid primary key,
    name varchar(100) not null,
    secret_hash varchar(64) not null,
    created_at timestamp with time zone not null,
    created_by varchar(200) not null,
    revoked_at timestamp with time zone
);

create unique index enroll_secret_hash on enroll_secret (secret_hash);

create table device (
    id uuid primary key,
    host_identifier varchar(200) not null,
    node_key_hash varchar(64) not null,
    enroll_secret_id uuid not null references enroll_secret (id),
    hostname varchar(255),
    platform varchar(32),
    os_name varchar(200),
    os_version varchar(100),
    serial varchar(200),
    hardware_model varchar(200),
    osquery_version varchar(50),
    owner_id uuid,
    enrolled_at timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    checks_sent_at timestamp with time zone,
    revoked_at timestamp with time zone
);

create unique index device_host_identifier on device (host_identifier);
create unique index device_node_key on device (node_key_hash);
create index device_owner on device (owner_id);

-- A check passes when its query returns at least one row on the device (as in Fleet). A platform
-- without a query leaves the check unknown there.
create table device_check (
    id varchar(64) primary key,
    clause varchar(8) not null,
    query_darwin varchar(4000),
    query_windows varchar(4000),
    query_linux varchar(4000),
    position int not null
);

-- Every answer a device gave to a check: passed is null when the query failed on the device.
create table check_result (
    id uuid primary key,
    device_id uuid not null references device (id),
    check_id varchar(64) not null references device_check (id),
    checked_at timestamp with time zone not null,
    passed boolean
);

create index check_result_device on check_result (device_id, check_id, checked_at);

insert into device_check (id, clause, query_darwin, query_windows, query_linux, position) values
('screen-lock', 'S5',
 'SELECT 1 FROM managed_policies WHERE domain = ''com.apple.screensaver'' AND name = ''idleTime'' AND CAST(value AS INT) BETWEEN 1 AND 900 AND EXISTS (SELECT 1 FROM managed_policies WHERE domain = ''com.apple.screensaver'' AND name = ''askForPassword'' AND value = 1);',
 'SELECT 1 FROM registry WHERE path = ''HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\InactivityTimeoutSecs'' AND CAST(data AS INT) BETWEEN 1 AND 900;',
 NULL,
 10),
('disk-encryption', 'S6',
 'SELECT 1 FROM disk_encryption WHERE user_uuid IS NOT '''' AND filevault_status = ''on'' LIMIT 1;',
 'SELECT 1 FROM bitlocker_info WHERE drive_letter = ''C:'' AND protection_status = 1;',
 'SELECT 1 FROM mounts m, disk_encryption d WHERE m.device_alias = d.name AND d.encrypted = 1 AND m.path = ''/'';',
 20),
('managed', 'S6',
 'SELECT 1 FROM mdm WHERE enrolled = ''true'' AND installed_from_dep = ''true'';',
 'SELECT 1 FROM mdm_bridge WHERE enrollment_status <> '''' LIMIT 1;',
 'SELECT 1;',
 30),
('removable-storage-blocked', 'S7',
 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM mounts WHERE path LIKE ''/Volumes/%'' AND type IN (''msdos'', ''exfat'', ''ntfs''));',
 'SELECT 1 FROM registry WHERE path = ''HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows\RemovableStorageDevices\{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}\Deny_Write'' AND data = 1;',
 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM kernel_modules WHERE name = ''usb_storage'');',
 40),
('no-local-backup', 'S7',
 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM plist WHERE path = ''/Library/Preferences/com.apple.TimeMachine.plist'' AND key = ''Destinations'' AND value <> '''');',
 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM registry WHERE path LIKE ''HKEY_USERS\%\Software\Microsoft\Windows\CurrentVersion\FileHistory\Enabled'' AND data = 1);',
 NULL,
 50);
