-- One check-in that is due nothing, as Charter runs it (bench/fleet.sh's pgbench baseline):
-- authenticate the node key and mark the device seen (one transaction), then the distributed read
-- that finds nothing due (another).
\set h random(1, :hosts)
begin;
select id, platform, checks_sent_at, software_sent_at from device
  where node_key_hash = encode(sha256(convert_to('bench' || lpad(:h::text, 38, '0'), 'UTF8')), 'hex') and revoked_at is null \gset
update device set last_seen_at = now() where id = :id;
commit;
