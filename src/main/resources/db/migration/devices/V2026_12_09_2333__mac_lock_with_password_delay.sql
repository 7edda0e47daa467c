-- Version of screen-lock (clause S5) whose macOS query also reads the grace period before the
-- password is asked (askForPasswordDelay): the screen locks idleTime + askForPasswordDelay seconds
-- after the last input, so the profile must set both, with a sum of at most 900 seconds, as well as
-- askForPassword, all three in the same scope (the computer's or one user's managed preferences).
-- A delay the profile does not set is the user's to choose, so it does not pass. Kept when SECURITY
-- changed the macOS query.
insert into device_check_version (check_id, version, clause, query_darwin, query_windows, query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, changed_at, changed_by)
select id, version + 1, clause,
 'SELECT 1 FROM managed_policies i JOIN managed_policies p ON p.username = i.username JOIN managed_policies d ON d.username = i.username WHERE i.domain = ''com.apple.screensaver'' AND i.name = ''idleTime'' AND p.domain = ''com.apple.screensaver'' AND p.name = ''askForPassword'' AND p.value IN (''1'', ''true'') AND d.domain = ''com.apple.screensaver'' AND d.name = ''askForPasswordDelay'' AND i.value <> '''' AND i.value NOT GLOB ''*[^0-9]*'' AND d.value <> '''' AND d.value NOT GLOB ''*[^0-9]*'' AND CAST(i.value AS INT) >= 1 AND CAST(i.value AS INT) + CAST(d.value AS INT) <= 900 LIMIT 1;',
 query_windows, query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, current_timestamp, 'system'
from device_check where id = 'screen-lock' and query_darwin =
 'SELECT 1 FROM managed_policies WHERE domain = ''com.apple.screensaver'' AND name = ''idleTime'' AND CAST(value AS INT) BETWEEN 1 AND 900 AND EXISTS (SELECT 1 FROM managed_policies WHERE domain = ''com.apple.screensaver'' AND name = ''askForPassword'' AND value = 1);';

update device_check set version = version + 1, query_darwin = (
    select v.query_darwin from device_check_version v where v.check_id = 'screen-lock' and v.version = device_check.version + 1)
where id = 'screen-lock' and query_darwin =
 'SELECT 1 FROM managed_policies WHERE domain = ''com.apple.screensaver'' AND name = ''idleTime'' AND CAST(value AS INT) BETWEEN 1 AND 900 AND EXISTS (SELECT 1 FROM managed_policies WHERE domain = ''com.apple.screensaver'' AND name = ''askForPassword'' AND value = 1);';
