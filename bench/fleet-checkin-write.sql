-- One check-in that is due its checks, as Charter runs it (bench/fleet.sh's pgbench baseline): the
-- read (authenticate, mark seen; checks sent), then the write (authenticate, mark seen; for each of
-- the five checks its last answer and the new one; the logged-in user recorded).
\set h random(1, :hosts)
begin;
select id, platform, checks_sent_at, software_sent_at from device
  where node_key_hash = encode(sha256(convert_to('bench' || lpad(:h::text, 38, '0'), 'UTF8')), 'hex') and revoked_at is null \gset
update device set last_seen_at = now() where id = :id;
commit;
begin;
select id, clause, version, query_darwin from device_check where enabled order by position;
update device set checks_sent_at = now(), last_seen_at = now() where id = :id;
commit;
begin;
select id from device where node_key_hash = encode(sha256(convert_to('bench' || lpad(:h::text, 38, '0'), 'UTF8')), 'hex') and revoked_at is null;
update device set last_seen_at = now() where id = :id;
commit;
begin;
select passed from check_latest where device_id = :id and check_id = 'screen-lock';
insert into check_result (id, device_id, check_id, check_version, checked_at, passed, source) values (gen_random_uuid(), :id, 'screen-lock', 1, now(), true, 'osquery');
update check_latest set checked_at = now(), passed = true where device_id = :id and check_id = 'screen-lock' and checked_at <= now();
select passed from check_latest where device_id = :id and check_id = 'disk-encryption';
insert into check_result (id, device_id, check_id, check_version, checked_at, passed, source) values (gen_random_uuid(), :id, 'disk-encryption', 1, now(), true, 'osquery');
update check_latest set checked_at = now(), passed = true where device_id = :id and check_id = 'disk-encryption' and checked_at <= now();
select passed from check_latest where device_id = :id and check_id = 'managed';
insert into check_result (id, device_id, check_id, check_version, checked_at, passed, source) values (gen_random_uuid(), :id, 'managed', 1, now(), false, 'osquery');
update check_latest set checked_at = now(), passed = false where device_id = :id and check_id = 'managed' and checked_at <= now();
select passed from check_latest where device_id = :id and check_id = 'removable-storage-blocked';
insert into check_result (id, device_id, check_id, check_version, checked_at, passed, source) values (gen_random_uuid(), :id, 'removable-storage-blocked', 1, now(), true, 'osquery');
update check_latest set checked_at = now(), passed = true where device_id = :id and check_id = 'removable-storage-blocked' and checked_at <= now();
select passed from check_latest where device_id = :id and check_id = 'no-local-backup';
insert into check_result (id, device_id, check_id, check_version, checked_at, passed, source) values (gen_random_uuid(), :id, 'no-local-backup', 1, now(), true, 'osquery');
update check_latest set checked_at = now(), passed = true where device_id = :id and check_id = 'no-local-backup' and checked_at <= now();
select owner_id, owner_source, reported_user, reported_user_at from device where id = :id;
update device set reported_user = 'benchuser', reported_user_at = now() where id = :id;
delete from device_owner_candidate where device_id = :id;
commit;
