-- Version of no-local-backup (clause S7) whose macOS query passes only on positive evidence: Time
-- Machine's own preferences say automatic backups are off (AutoBackup false, as tmutil disable sets
-- it) and name no backup destination. The query it replaces passed when no destination was found,
-- so also on a Mac whose preferences osquery could not read. Kept when SECURITY changed it.
insert into device_check_version (check_id, version, clause, query_darwin, query_windows, query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, changed_at, changed_by)
select id, version + 1, clause,
 'SELECT 1 FROM plist WHERE path = ''/Library/Preferences/com.apple.TimeMachine.plist'' AND key = ''AutoBackup'' AND value IN (''0'', ''false'') AND NOT EXISTS (SELECT 1 FROM plist WHERE path = ''/Library/Preferences/com.apple.TimeMachine.plist'' AND key = ''Destinations'' AND value <> '''') LIMIT 1;',
 query_windows, query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, current_timestamp, 'system'
from device_check where id = 'no-local-backup' and query_darwin =
 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM plist WHERE path = ''/Library/Preferences/com.apple.TimeMachine.plist'' AND key = ''Destinations'' AND value <> '''');';

update device_check set version = version + 1, query_darwin = (
    select v.query_darwin from device_check_version v where v.check_id = 'no-local-backup' and v.version = device_check.version + 1)
where id = 'no-local-backup' and query_darwin =
 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM plist WHERE path = ''/Library/Preferences/com.apple.TimeMachine.plist'' AND key = ''Destinations'' AND value <> '''');';
