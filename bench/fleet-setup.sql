-- The simulated fleet of bench/fleet.sh, enrolled in bulk: HOSTS devices whose node keys are
-- 'bench' and the host's number on 38 digits (stored as SHA-256, as Charter stores them). Platforms
-- 60% macOS, 30% Windows, 10% Linux. Checks were sent in the last 65 minutes and the software in the
-- last day, spread evenly, so that about one check-in in twelve is due its checks (check-interval 1h
-- over a 5-minute distributed interval), as in a fleet that has been running for a while.
insert into enroll_secret (id, name, secret_hash, created_at, created_by)
values ('b0000000-0000-4000-8000-00000000f1ee', 'bench fleet', encode(sha256(convert_to(:'secret', 'UTF8')), 'hex'), now(), 'bench');

insert into device (id, host_identifier, node_key_hash, enroll_secret_id, hostname, platform, os_name, os_version,
  serial, hardware_model, osquery_version, enrolled_at, last_seen_at, checks_sent_at, software_sent_at)
select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'bench-host-' || i,
  encode(sha256(convert_to('bench' || lpad(i::text, 38, '0'), 'UTF8')), 'hex'),
  'b0000000-0000-4000-8000-00000000f1ee', 'bench-' || i,
  case when i % 10 < 6 then 'darwin' when i % 10 < 9 then 'windows' else 'linux' end,
  case when i % 10 < 6 then 'macOS' when i % 10 < 9 then 'Windows 11 Pro' else 'Ubuntu' end, '14.6.1',
  'BENCH' || i, 'Laptop', '5.12.1', now() - interval '30 days', now() - interval '5 minutes',
  now() - random() * interval '65 minutes', now() - random() * interval '1445 minutes'
from generate_series(1, :hosts) i;
analyze device;
