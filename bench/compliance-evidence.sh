#!/usr/bin/env bash
# Compliance pages and the auditor's evidence package at volume (issue 17, "Speed"), on PostgreSQL (the
# production database; a private cluster, as root) or the embedded H2 file database (DATABASE=h2);
# figures in docs/compliance.md ("Benchmark"):
#
#   flock /tmp/charter-bench.lock bash bench/compliance-evidence.sh
#   flock /tmp/charter-bench.lock env DATABASE=h2 bash bench/compliance-evidence.sh
#
# 1. Starts Charter (target/charter.jar, or target/classes with the Maven class path when there is no
#    jar) with a first administrator, on a private PostgreSQL cluster on loopback (bench/lib.sh's
#    pg_start: fsync on as installed) or on an H2 file, and gives it an administrator API token in the
#    database.
# 2. Seeds PEOPLE people through Charter's import API (POST /api/v1/people/import). The rest is written
#    in SQL (the same script on both databases), the way the application writes it: DEVICES devices of
#    theirs as an Intune export creates them, with IMPORTS answers each to the export's three checks
#    spread over the last year (check_result), the latest per device and check (check_latest) and their
#    software (some not approved, some prohibited) -- the device import API took minutes per 10,000 rows
#    on the shared machine, longer than a locked run may last; a year of daily snapshots of every
#    control (the nightly job only ever writes today's); one acknowledgement of the work behaviors per
#    person, dated over the year (an employee acknowledges one at a time). The whole seed takes seconds.
# 3. Signs in as the administrator, then times REQUESTS requests of each of PAGES after WARMUP (curl's
#    time_total): median and p95 in ms, and p95 as a ratio to the 200 ms target (below 1 meets it).
# 4. On PostgreSQL, the same queries in psql: every statement one request of a page sent (caught in
#    the server's log with its parameters, for one request after the timed ones), run again in psql
#    PSQL_RUNS times each (\timing, median); printed per statement and summed per page, beside the
#    page's own figures. The page runs its control reports two at a time, so the sum is more than the
#    page waits on the database; statements other threads sent in the same moment (a job's) are caught
#    too, writes ("for update") left out.
# 5. Unless PACKAGE=0, asks for the evidence package of the last year and times it until it is done
#    (polling the page), then downloads it and checks its manifest with sha256sum -c. Target: 60 s.
#
# Environment: DATABASE=postgres (or h2) PEOPLE=10000 DEVICES=10000 IMPORTS=2 WARMUP=20 REQUESTS=100
# PAGES="/compliance /compliance/clauses/S5 /compliance/policy/work-behaviors /compliance/evidence"
# PSQL_RUNS=11 PACKAGE=1 JAR=target/charter.jar JAVA_OPTS="-Xms512m -Xmx512m" KEEP=1 (keeps the work
# directory)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

PEOPLE="${PEOPLE:-10000}"
DEVICES="${DEVICES:-10000}"
IMPORTS="${IMPORTS:-2}"
WARMUP="${WARMUP:-20}"
REQUESTS="${REQUESTS:-100}"
JAR="${JAR:-target/charter.jar}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx512m}"
DATABASE="${DATABASE:-postgres}"
PAGES="${PAGES:-/compliance /compliance/clauses/S5 /compliance/policy/work-behaviors /compliance/evidence}"
PSQL_RUNS="${PSQL_RUNS:-11}"
PACKAGE="${PACKAGE:-1}"

charter_workspace

PORT=$(free_port)
CHARTER=http://127.0.0.1:$PORT
ADMIN=bench-admin@example.com
PASSWORD=bench-password-0123456789
case $DATABASE in
postgres)
	[[ $(id -u) == 0 ]] || { echo "bench: run as root for PostgreSQL (it runs as user postgres), or DATABASE=h2" >&2; exit 2; }
	[[ -x $PG_BIN/initdb ]] || { echo "bench: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 2; }
	PG_PORT=$(free_port)
	# PostgreSQL's data in the work directory; Charter stopped before the cluster, both before it is removed.
	trap 'set +e; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; pg_stop; charter_cleanup' EXIT
	chmod 711 "$WORK" && mkdir "$WORK/db" && pg_start "$WORK/db"
	DB="jdbc:postgresql://127.0.0.1:$PG_PORT/charter"
	export SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=postgres
	sql() { psql_ -f "$1"; }
	query() { psql_ -c "$1"; }
	;;
h2)
	DB="jdbc:h2:file:$WORK/data/charter;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
	sql() { "$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "$DB" -user sa -script "$1"; }
	query() { "$JAVA" -cp "$H2_JAR" org.h2.tools.Shell -url "$DB" -user sa -sql "$1" | sed -n 2p | awk '{ print $1 }'; }
	;;
*) echo "bench: DATABASE is postgres or h2" >&2; exit 2 ;;
esac
(cd "$WORK" && CHARTER_ADMIN_EMAIL=$ADMIN CHARTER_ADMIN_PASSWORD=$PASSWORD \
	exec "$JAVA" $JAVA_OPTS "${RUN[@]}" --server.port="$PORT" --spring.datasource.url="$DB" >charter.log 2>&1) &
PIDS+=($!)
await_ready "$CHARTER" "${PIDS[-1]}" "$WORK/charter.log" || exit 1

TOKEN=chr_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
cat >"$WORK/token.sql" <<SQL
update app_user set roles = 'ADMIN,SECURITY' where email = '$ADMIN';
insert into api_token (id, user_id, name, token_hash, prefix, roles, created_at, expires_at)
select gen_random_uuid(), id, 'bench', '$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)', '${TOKEN:0:10}',
  'ADMIN,SECURITY', current_timestamp, current_timestamp + interval '1' day from app_user where email = '$ADMIN';
SQL
sql "$WORK/token.sql"

echo "== Compliance pages and evidence package"
echo "date       $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine    $(nproc) x $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java       $("$JAVA" -version 2>&1 | head -n 1)"
echo "commit     $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ $DATABASE == postgres ]]; then
	echo "database   PostgreSQL $(psql_ -c 'show server_version'), private cluster on loopback"
else
	echo "database   H2 file (embedded, AUTO_SERVER)"
fi

awk -v n="$PEOPLE" 'BEGIN {
	print "name,email,employee_id,kind,department,manager,start_date,end_date,status,language"
	for (i = 1; i <= n; i++) printf "Person %d,person-%d@bench.test,B%d,employee,Department %d,,2024-01-%02d,,active,en\n", i, i, i, i % 10 + 1, i % 28 + 1
}' >"$WORK/people.csv"
t=$(curl -fs -o "$WORK/people.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
	-H 'Content-Type: text/csv' --data-binary @"$WORK/people.csv" "$CHARTER/api/v1/people/import?dryRun=false")
echo "seed       $PEOPLE people: $(grep -o '"imported":[0-9]*' "$WORK/people.json") in ${t} s"

# Devices in SQL, as MdmImport writes them (the import API took minutes per 10,000 rows on a busy
# machine): one device per row of the export, owned by person-N, each answer in check_result and the
# latest per device and check in check_latest. Import k of IMPORTS is dated k * 365 / IMPORTS days ago;
# the export answers screen lock, encryption and management (Intune), so those three checks.
cat >"$WORK/devices.sql" <<SQL
insert into device (id, hostname, platform, os_name, os_version, serial, hardware_model, owner_id, owner_source,
  enrolled_at, last_seen_at, source)
select gen_random_uuid(), 'LAPTOP-' || i.x, 'windows', 'Windows', '10.0.22631', 'SN' || lpad(cast(i.x as varchar), 7, '0'),
  'Latitude 7440', p.id, case when p.id is null then null else 'mdm' end, current_timestamp,
  cast(current_date as timestamp with time zone) + interval '9' hour, 'mdm'
from generate_series(1, $DEVICES) i(x) left join person p on p.email = 'person-' || (mod(i.x - 1, $PEOPLE) + 1) || '@bench.test';
insert into check_result (id, device_id, check_id, check_version, checked_at, passed, source)
select gen_random_uuid(), d.id, c.id, c.version,
  cast(current_date - k.x * 365 / $IMPORTS as timestamp with time zone) + interval '9' hour,
  case c.id when 'disk-encryption' then mod(cast(substring(d.serial, 3) as int) + k.x, 20) <> 0
    when 'screen-lock' then mod(cast(substring(d.serial, 3) as int) + k.x, 15) <> 0 else true end, 'mdm'
from device d cross join generate_series(0, $IMPORTS - 1) k(x)
  join device_check c on c.id in ('screen-lock', 'disk-encryption', 'managed') and c.enabled;
insert into check_latest (device_id, check_id, checked_at, passed)
select r.device_id, r.check_id, r.checked_at, r.passed from check_result r
where r.checked_at = (select max(l.checked_at) from check_result l where l.device_id = r.device_id and l.check_id = r.check_id);
-- The software each device reported: osquery and Edge (approved by the shipped catalogue) on every
-- device, Slack (not approved) on every 7th, Nmap (prohibited, clause S8) on every 50th.
insert into device_software (device_id, name, version, publisher, first_seen_at, last_seen_at)
select d.id, a.name, a.version, a.publisher, d.last_seen_at, d.last_seen_at from device d
  join (values ('osquery', '5.12.1', cast(null as varchar(300)), 1), ('Microsoft Edge', '131.0', 'Microsoft Corporation', 1),
    ('Slack', '4.41', 'Slack Technologies', 7), ('Nmap 7.95', '7.95', 'Nmap Project', 50)) a(name, version, publisher, every)
  on mod(cast(substring(d.serial, 3) as int), a.every) = 0;
SQL
t0=$(date +%s.%N)
sql "$WORK/devices.sql"
echo "seed       $DEVICES devices in SQL, $IMPORTS answers each to 3 checks, their software, in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

cat >"$WORK/year.sql" <<SQL
insert into compliance_snapshot (taken_on, control_id, clauses, status, met, of_items, exempted)
with recursive d(x) as (select 1 union all select x + 1 from d where x < 365)
select current_date - d.x, c.id, c.clause, case when mod(d.x, 11) = 0 then 'ATTENTION' else 'PASSING' end,
  $DEVICES - mod(d.x * 7, 500), $DEVICES, mod(d.x, 13)
from d,
  (select 'device-' || id id, clause from device_check
   union all select 'training-12-months', 'S1' union all select 'training-sessions-scheduled', 'S1'
   union all select 'policy-acknowledged-work-behaviors', 'S6' union all select 'visits-with-host', 'S3'
   union all select 'consent-rate', 'C1' union all select 'rights-requests-on-time', 'C7') c;
insert into policy_acknowledgement (id, document_id, version, person_id, text_sha256, acknowledged_at)
select gen_random_uuid(), 'work-behaviors', 1, p.id, v.sha256,
  current_timestamp - interval '1' minute * mod(row_number() over () * 53, 525600)
from person p cross join policy_version v where v.document_id = 'work-behaviors' and v.number = 1
  and not exists (select 1 from policy_acknowledgement a where a.person_id = p.id and a.document_id = 'work-behaviors');
SQL
sql "$WORK/year.sql"
# As autovacuum leaves tables some time after a bulk load: their statistics and visibility map made.
[[ $DATABASE == postgres ]] && psql_ -c 'vacuum analyze'
echo "seed       $(query 'select count(*) from compliance_snapshot') daily snapshot rows, $(query 'select count(*) from check_result') check results, $(query 'select count(*) from policy_acknowledgement') acknowledgements"

jar=$WORK/cookies
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
csrf=$(curl -s -c "$jar" -b "$jar" "$CHARTER/login" | csrf_of)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$ADMIN" --data-urlencode "password=$PASSWORD" \
	--data-urlencode "_csrf=$csrf" "$CHARTER/login"
[[ $(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$CHARTER/compliance") == 200 ]] ||
	{ echo "bench: /compliance does not answer 200 after signing in" >&2; exit 1; }

echo
echo "page (target p95 <= 200 ms)                     median     p95   ratio"
measure() { # $1 path
	local i
	for ((i = 0; i < WARMUP; i++)); do curl -s -o /dev/null -b "$jar" "$CHARTER$1"; done
	for ((i = 0; i < REQUESTS; i++)); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$CHARTER$1"; done |
		awk '{ printf "%.2f\n", $1 * 1000 }' | sort -n |
		awk -v path="$1" '{ v[NR] = $1 } END { p = v[int(NR * 0.95 + 0.999)]
			printf "%-45s %7.1f %7.1f %7.2f\n", path, v[int((NR + 1) / 2)], p, p / 200 }'
}
for page in $PAGES; do measure "$page"; done

# The statements one request of a page sends, from PostgreSQL's log (every statement logged for that
# one request), with their parameters written in, one file each in $2; only reads (select, with).
statements() { # $1 path, $2 directory
	local log=$WORK/db/pg.log from
	psql_ -c "alter system set log_min_duration_statement = 0" -c "alter system set log_line_prefix = '@@ '" \
		-c "select pg_reload_conf()" >/dev/null
	sleep 0.5
	from=$(stat -c %s "$log")
	curl -s -o /dev/null -b "$jar" "$CHARTER$1"
	sleep 0.5
	psql_ -c "alter system reset log_min_duration_statement" -c "alter system reset log_line_prefix" \
		-c "select pg_reload_conf()" >/dev/null
	mkdir -p "$2"
	tail -c +"$((from + 1))" "$log" | awk -v dir="$2" -f bench/pg-statements.awk
}

# Each statement run PSQL_RUNS times in psql (\timing), its median in ms; then their sum.
psql_times() { # $1 directory
	local f total=0 ms
	for f in "$1"/*.sql; do
		ms=$({ echo '\timing on'; echo '\o /dev/null'; for ((i = 0; i < PSQL_RUNS; i++)); do cat "$f"; done; } |
			psql_ 2>&1 | tee -a "$WORK/psql.log" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | median '%.2f')
		printf '  psql %7.2f ms  %s\n' "$ms" "$(tr '\n\t' '  ' <"$f" | tr -s ' ' | cut -c1-110)"
	done
}

if [[ $DATABASE == postgres ]]; then
	echo
	echo "the same queries in psql (each statement of one request, median of $PSQL_RUNS runs)"
	for page in $PAGES; do
		statements "$page" "$WORK/sql$(echo "$page" | tr '/' '_')"
		psql_times "$WORK/sql$(echo "$page" | tr '/' '_')" >"$WORK/times"
		awk -v page="$page" '{ s += $2; n++ } END { printf "%-45s %d statements, %.1f ms in all (the page runs its reports two at a time)\n", page, n, s }' "$WORK/times"
		sort -k2 -g -r "$WORK/times" | awk -v n="${PSQL_TOP:-6}" 'NR <= n' # not head: a closed pipe would end the script
	done
fi

[[ $PACKAGE == 1 ]] || exit 0
to=$(date -u +%Y-%m-%d)
from=$(date -u -d "$to -1 year +1 day" +%Y-%m-%d)
csrf=$(curl -s -b "$jar" "$CHARTER/compliance/evidence" | csrf_of)
start=$(date +%s.%N)
curl -s -o /dev/null -b "$jar" --data-urlencode "from=$from" --data-urlencode "to=$to" --data-urlencode "_csrf=$csrf" \
	"$CHARTER/compliance/evidence"
while curl -s -b "$jar" "$CHARTER/compliance/evidence" | grep -q 'role="status"'; do sleep 0.2; done
took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
link=$(curl -s -b "$jar" "$CHARTER/compliance/evidence" | grep -o '/compliance/evidence/[0-9a-f-]*\.zip' | head -n 1)
[[ -n $link ]] || { echo "bench: the package did not finish (see $WORK/charter.log with KEEP=1)" >&2; exit 1; }
mkdir "$WORK/zip" && curl -s -b "$jar" -o "$WORK/zip/evidence.zip" "$CHARTER$link"
(cd "$WORK/zip" && unzip -q evidence.zip && sha256sum -c --quiet MANIFEST.sha256) && verified=yes || verified=NO
echo
echo "evidence package $from to $to: $took s (ratio to the 60 s target $(awk -v t="$took" 'BEGIN { printf "%.3f", t / 60 }')), $(stat -c %s "$WORK/zip/evidence.zip") bytes, manifest verified: $verified"
(cd "$WORK/zip" && for f in controls/*.csv; do printf '  %-45s %8d rows\n' "$f" $(($(wc -l <"$f") - 1)); done)
