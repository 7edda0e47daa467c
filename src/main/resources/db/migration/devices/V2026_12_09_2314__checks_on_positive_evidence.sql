-- Version 2 of two shipped checks, each answered only on positive evidence (docs/devices.md, "Checks").
-- Linux screen-lock: GNOME's system-wide settings as an administrator enforces them (keyfiles in
-- /etc/dconf/db/local.d/, locks in its locks/ folder, the local database in the user profile,
-- compiled by dconf update), read with osquery's yara table, as stock osquery has no dconf table.
-- Windows no-local-backup: the "Turn off File History" policy is on, instead of no user having
-- turned File History on (which passed when nothing was found).
-- A check SECURITY has already changed on that platform keeps its own query: a Linux query set for
-- screen-lock, or a Windows query for no-local-backup other than the shipped one.
insert into device_check_version (check_id, version, clause, query_darwin, query_windows, query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, changed_at, changed_by)
select id, version + 1, clause, query_darwin, query_windows,
 'SELECT 1 FROM (SELECT sum(instr(matches, ''gnome_lock_set'') > 0) AS settings, sum(instr(matches, ''gnome_lock_named'') > 0) AS named, sum(instr(matches, ''gnome_lock_twice'') > 0) AS twice FROM yara WHERE path LIKE ''/etc/dconf/db/local.d/%'' AND sigrule = ''rule gnome_lock_set { strings: $i = /(^|\n)\[org\/gnome\/desktop\/session\][^\[]*\n[ \t]*idle-delay[ \t]*=[ \t]*uint32[ \t]+(900|[1-8][0-9][0-9]|[1-9][0-9]?)[ \t\r]*(\n|$)/ $e = /(^|\n)\[org\/gnome\/desktop\/screensaver\][^\[]*\n[ \t]*lock-enabled[ \t]*=[ \t]*true[ \t\r]*(\n|$)/ $d = /(^|\n)\[org\/gnome\/desktop\/screensaver\][^\[]*\n[ \t]*lock-delay[ \t]*=[ \t]*uint32[ \t]+0[ \t\r]*(\n|$)/ condition: all of them } rule gnome_lock_named { strings: $n = /\n[ \t]*(idle-delay|lock-enabled|lock-delay)[ \t]*=/ condition: $n } rule gnome_lock_twice { strings: $i = /\n[ \t]*idle-delay[ \t]*=.*\n[ \t]*idle-delay[ \t]*=/s $e = /\n[ \t]*lock-enabled[ \t]*=.*\n[ \t]*lock-enabled[ \t]*=/s $d = /\n[ \t]*lock-delay[ \t]*=.*\n[ \t]*lock-delay[ \t]*=/s condition: any of them }'') k, (SELECT sum(instr(matches, ''idle_delay_locked'') > 0) AS idle, sum(instr(matches, ''lock_enabled_locked'') > 0) AS enabled, sum(instr(matches, ''lock_delay_locked'') > 0) AS delay FROM yara WHERE path LIKE ''/etc/dconf/db/local.d/locks/%'' AND sigrule = ''rule idle_delay_locked { strings: $a = /(^|\n)[ \t]*\/org\/gnome\/desktop\/session\/idle-delay[ \t\r]*(\n|$)/ condition: $a } rule lock_enabled_locked { strings: $a = /(^|\n)[ \t]*\/org\/gnome\/desktop\/screensaver\/lock-enabled[ \t\r]*(\n|$)/ condition: $a } rule lock_delay_locked { strings: $a = /(^|\n)[ \t]*\/org\/gnome\/desktop\/screensaver\/lock-delay[ \t\r]*(\n|$)/ condition: $a }'') l WHERE k.settings = 1 AND k.named = 1 AND k.twice = 0 AND l.idle > 0 AND l.enabled > 0 AND l.delay > 0 AND EXISTS (SELECT 1 FROM yara WHERE path = ''/etc/dconf/profile/user'' AND sigrule = ''rule local_db_in_profile { strings: $a = /(^|\n)[ \t]*system-db:local[ \t\r]*(\n|$)/ condition: $a }'' AND count > 0) AND (SELECT mtime FROM file WHERE path = ''/etc/dconf/db/local'') >= (SELECT max(mtime) FROM file WHERE path LIKE ''/etc/dconf/db/local.d/%%'');',
 enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, current_timestamp, 'system'
from device_check where id = 'screen-lock' and query_linux is null;

update device_check set version = version + 1, query_linux = (
    select v.query_linux from device_check_version v where v.check_id = 'screen-lock' and v.version = device_check.version + 1)
where id = 'screen-lock' and query_linux is null;

insert into device_check_version (check_id, version, clause, query_darwin, query_windows, query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, changed_at, changed_by)
select id, version + 1, clause, query_darwin,
 'SELECT 1 FROM registry WHERE path = ''HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows\FileHistory\Disabled'' AND type = ''REG_DWORD'' AND data = ''1'';',
 query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, current_timestamp, 'system'
from device_check where id = 'no-local-backup' and query_windows =
 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM registry WHERE path LIKE ''HKEY_USERS\%\Software\Microsoft\Windows\CurrentVersion\FileHistory\Enabled'' AND data = 1);';

update device_check set version = version + 1, query_windows = (
    select v.query_windows from device_check_version v where v.check_id = 'no-local-backup' and v.version = device_check.version + 1)
where id = 'no-local-backup' and query_windows =
 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM registry WHERE path LIKE ''HKEY_USERS\%\Software\Microsoft\Windows\CurrentVersion\FileHistory\Enabled'' AND data = 1);';
