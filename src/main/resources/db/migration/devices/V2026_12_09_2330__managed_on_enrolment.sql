-- Version 2 of the managed check (clause S6), passing only on an MDM enrolment the device reports.
-- macOS: enrolled in an MDM, whether or not through Apple's automated enrolment (DEP): the seed's
-- S6 counts personally owned devices enrolled in a device management system, and DEP exists only
-- for company-bought Macs. Windows: an enrolment under HKLM\SOFTWARE\Microsoft\Enrollments in the
-- "enrolled" state with an MDM discovery service (as Windows writes it), read with stock osquery's
-- registry table instead of mdm_bridge, a table of Fleet's agent only (unknown on stock osquery).
-- A platform whose query SECURITY has changed keeps it; nothing is written when both are changed.
insert into device_check_version (check_id, version, clause, query_darwin, query_windows, query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, changed_at, changed_by)
select id, version + 1, clause,
 case when query_darwin = 'SELECT 1 FROM mdm WHERE enrolled = ''true'' AND installed_from_dep = ''true'';'
  then 'SELECT 1 FROM mdm WHERE enrolled = ''true'';' else query_darwin end,
 case when query_windows = 'SELECT 1 FROM mdm_bridge WHERE enrollment_status <> '''' LIMIT 1;'
  then 'SELECT 1 FROM registry s JOIN registry u ON u.key = s.key WHERE s.path LIKE ''HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Enrollments\%\EnrollmentState'' AND s.data = ''1'' AND u.path LIKE ''HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Enrollments\%\DiscoveryServiceFullURL'' AND u.data LIKE ''https://%'' LIMIT 1;'
  else query_windows end,
 query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, current_timestamp, 'system'
from device_check where id = 'managed'
 and (query_darwin = 'SELECT 1 FROM mdm WHERE enrolled = ''true'' AND installed_from_dep = ''true'';'
  or query_windows = 'SELECT 1 FROM mdm_bridge WHERE enrollment_status <> '''' LIMIT 1;');

update device_check set version = version + 1,
 query_darwin = (select v.query_darwin from device_check_version v where v.check_id = 'managed' and v.version = device_check.version + 1),
 query_windows = (select v.query_windows from device_check_version v where v.check_id = 'managed' and v.version = device_check.version + 1)
where id = 'managed'
 and (query_darwin = 'SELECT 1 FROM mdm WHERE enrolled = ''true'' AND installed_from_dep = ''true'';'
  or query_windows = 'SELECT 1 FROM mdm_bridge WHERE enrollment_status <> '''' LIMIT 1;');
