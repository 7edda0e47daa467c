-- Version 2 of removable-storage-blocked (clause S7), passing only on the policy that blocks it
-- instead of on the absence of a removable volume now, which passed a machine that reported nothing.
-- macOS: the managed Restrictions (com.apple.systemuiserver) deny mounting external disks
-- (mount-controls, harddisk-external: deny), read from the computer's managed preferences with the
-- plist table. Linux: a modprobe configuration file in /etc/modprobe.d/ blacklists usb-storage or
-- replaces its loading with /bin/false or /bin/true (read with the yara table), and the module is
-- not loaded. A platform whose query SECURITY has changed keeps it.
insert into device_check_version (check_id, version, clause, query_darwin, query_windows, query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, changed_at, changed_by)
select id, version + 1, clause,
 case when query_darwin = 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM mounts WHERE path LIKE ''/Volumes/%'' AND type IN (''msdos'', ''exfat'', ''ntfs''));'
  then 'SELECT 1 FROM plist WHERE path = ''/Library/Managed Preferences/com.apple.systemuiserver.plist'' AND key = ''mount-controls'' AND subkey LIKE ''harddisk-external/%'' AND value = ''deny'' LIMIT 1;'
  else query_darwin end,
 query_windows,
 case when query_linux = 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM kernel_modules WHERE name = ''usb_storage'');'
  then 'SELECT 1 FROM yara WHERE path LIKE ''/etc/modprobe.d/%.conf'' AND sigrule = ''rule usb_storage_off { strings: $i = /(^|\n)[ \t]*install[ \t]+usb[-_]storage[ \t]+(\/usr)?\/bin\/(false|true)[ \t\r]*(\n|$)/ $b = /(^|\n)[ \t]*blacklist[ \t]+usb[-_]storage[ \t\r]*(\n|$)/ condition: any of them }'' AND count > 0 AND NOT EXISTS (SELECT 1 FROM kernel_modules WHERE name = ''usb_storage'') LIMIT 1;'
  else query_linux end,
 enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl, current_timestamp, 'system'
from device_check where id = 'removable-storage-blocked'
 and (query_darwin = 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM mounts WHERE path LIKE ''/Volumes/%'' AND type IN (''msdos'', ''exfat'', ''ntfs''));'
  or query_linux = 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM kernel_modules WHERE name = ''usb_storage'');');

update device_check set version = version + 1,
 query_darwin = (select v.query_darwin from device_check_version v where v.check_id = 'removable-storage-blocked' and v.version = device_check.version + 1),
 query_linux = (select v.query_linux from device_check_version v where v.check_id = 'removable-storage-blocked' and v.version = device_check.version + 1)
where id = 'removable-storage-blocked'
 and (query_darwin = 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM mounts WHERE path LIKE ''/Volumes/%'' AND type IN (''msdos'', ''exfat'', ''ntfs''));'
  or query_linux = 'SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM kernel_modules WHERE name = ''usb_storage'');');
