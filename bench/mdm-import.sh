#!/usr/bin/env bash
# MDM import at volume (issue 14): POST /api/v1/devices/import with an export of ROWS devices, on the
# embedded H2 file database and on PostgreSQL, beside the same writes done by the database itself;
# figures in docs/devices.md ("Benchmark: importing an MDM export"):
#
#   flock /tmp/charter-bench.lock bash bench/mdm-import.sh     (as root: PostgreSQL runs as user postgres)
#
# For each database (DBS, default "h2 pg") and each jar (JAR may name several, e.g. JAR='base.jar
# target/charter.jar', each measured in turn on a fresh database in the same run):
# 1. Starts Charter with a first administrator, gives it a SECURITY API token and ROWS people in SQL.
# 2. Times three imports of a CSV export (Intune's column names plus the three facts Jamf adds, so
#    each row answers the five checks; every row has an owner from the directory, as the daily export
#    of a managed fleet does): "first" creates every device; "same" is the same file again (nothing
#    new to record); "next" is the next day's export (later check-in, one device in twenty no longer
#    encrypted: a new answer per device and check). curl's time_total, then the seconds until every
#    event the import published is recorded in the audit trail (Spring Modulith's event_publication
#    all completed), since an import is not done for an auditor before that.
#    The rows are counted after each: every device and answer must be there, and "same" adds none.
# 3. Baseline: the same rows written by the database alone, set-based, in one transaction each (the
#    CSV loaded into a table with psql's \copy or H2's CSVREAD; the devices inserted, then merged, and
#    the answers and the latest answer per device and check inserted) -- what the import cannot beat.
#    Printed as the ratio import / baseline.
#
# Environment: ROWS=10000 DBS="h2 pg" JAR=target/charter.jar (or "before=main.jar after=target/charter.jar") JAVA_OPTS="-Xms512m -Xmx512m"
# JFR=1 (records a flight recording of each Charter run, kept in the work directory; with KEEP=1)
# TIMEOUT=240 (seconds one import may take before the run gives up on it) KEEP=1 (keeps the work directory)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ROWS="${ROWS:-10000}"
DBS="${DBS:-h2 pg}"
JAR="${JAR:-target/charter.jar}"
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx512m}"
JFR="${JFR:-0}"
TIMEOUT="${TIMEOUT:-240}"
PG_PORT="${PG_PORT:-55481}"
ADMIN=bench-admin@example.com
PASSWORD=bench-password-0123456789

[[ " $DBS " != *" pg "* || $(id -u) == 0 ]] || { echo "run as root (PostgreSQL runs as user postgres), or DBS=h2"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh
read -r -a JARS <<<"$JAR"
for j in "${JARS[@]}"; do [[ -f ${j#*=} ]] || { echo "bench: ${j#*=} missing (mvn -B -q -DskipTests package)"; exit 2; }; done
JAR=${JARS[0]#*=}
charter_workspace
pg_workspace charter-mdm
trap 'pg_cleanup; charter_cleanup' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }

echo "== MDM import of $ROWS devices"
echo "date       $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine    $(nproc) x $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), load $(load)"
echo "java       $(java -version 2>&1 | head -n 1)"
echo "commit     $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

# The exports: yesterday's, and the next day's (one device in twenty lost its encryption).
day1=$(date -u -d yesterday +%Y-%m-%dT09:00:00Z)
day2=$(date -u +%Y-%m-%dT00:30:00Z)
export_csv() { # $1 check-in, $2 1 for the next day's changes
	awk -v n="$ROWS" -v at="$1" -v later="$2" 'BEGIN {
		print "Device name,Serial number,OS,OS version,Model,Primary user email address,Encrypted,Managed by,Screen lock minutes,Removable storage blocked,Local backup,Last check-in"
		for (i = 1; i <= n; i++) printf "LAPTOP-%d,SN%07d,Windows,10.0.22631,Latitude 7440,person-%d@bench.test,%s,Intune,%d,%s,No,%s\n",
			i, i, i, (i % 20 == 0 && later) ? "No" : "Yes", i % 15 == 0 ? 30 : 10, i % 7 == 0 ? "No" : "Yes", at
	}'
}
export_csv "$day1" 0 >"$WORK/first.csv"
export_csv "$day2" 1 >"$WORK/next.csv"
chmod a+r "$WORK" "$WORK"/*.csv

# Per database: how Charter reaches it, how the script runs SQL, and the few words that differ.
use_db() { # $1 h2|pg
	DB=$1
	if [[ $DB == h2 ]]; then
		rm -rf "$WORK/data"
		URL="jdbc:h2:file:$WORK/data/charter;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
		USER=sa
		PASS=
		UUID_FN="random_uuid()"
		RANGE="system_range(1, $ROWS) r"
		RANGE_X='r."X"'
	else
		pg_stop
		rm -rf "$TMP/pg"
		pg_start "$TMP"
		URL="jdbc:postgresql://127.0.0.1:$PG_PORT/charter"
		USER=postgres
		PASS=postgres
		UUID_FN="gen_random_uuid()"
		RANGE="generate_series(1, $ROWS) r(x)"
		RANGE_X="r.x"
	fi
}
sql() { # SQL on standard input
	if [[ $DB == h2 ]]; then
		cat >"$WORK/run.sql"
		java -cp "$H2_JAR" org.h2.tools.RunScript -url "$URL" -user sa -script "$WORK/run.sql"
	else
		psql_
	fi
}
value() { # $1 a query answering one value
	if [[ $DB == h2 ]]; then
		java -cp "$H2_JAR" org.h2.tools.Shell -url "$URL" -user sa -sql "$1" | sed -n 2p | awk '{ print $1 }'
	else
		psql_ -c "$1"
	fi
}
counts() { echo "$(value 'select count(*) from device') devices, $(value 'select count(*) from check_result') answers"; }

start_charter() { # $1 jar
	local jfr=()
	[[ $JFR == 1 ]] && jfr=("-XX:StartFlightRecording=filename=$WORK/$DB-$(basename "$1" .jar).jfr,settings=profile")
	# shellcheck disable=SC2086
	(cd "$WORK" && CHARTER_ADMIN_EMAIL=$ADMIN CHARTER_ADMIN_PASSWORD=$PASSWORD SPRING_DATASOURCE_URL=$URL \
		SPRING_DATASOURCE_USERNAME=$USER SPRING_DATASOURCE_PASSWORD=$PASS \
		exec java $JAVA_OPTS "${jfr[@]}" -jar "$(realpath "$1")" --server.port="$PORT" --charter.scheduling.enabled=false \
		--charter.devices.max-import=64MB --spring.servlet.multipart.max-request-size=64MB \
		--logging.level.root=WARN >"charter-$DB.log" 2>&1) &
	APP_PID=$!
	await_ready "$CHARTER" "$APP_PID" "$WORK/charter-$DB.log"
}
stop_charter() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

seed() {
	TOKEN=chr_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
	sql <<SQL
update app_user set roles = 'ADMIN,SECURITY' where email = '$ADMIN';
insert into api_token (id, user_id, name, token_hash, prefix, roles, created_at, expires_at)
select $UUID_FN, id, 'bench', '$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)', '${TOKEN:0:10}',
  'ADMIN,SECURITY', current_timestamp, current_timestamp + interval '1' day from app_user where email = '$ADMIN';
insert into person (id, name, email, kind, status, language, created_at, updated_at)
select $UUID_FN, 'Person ' || $RANGE_X, 'person-' || $RANGE_X || '@bench.test', 'EMPLOYEE', 'ACTIVE', 'en',
  current_timestamp, current_timestamp from $RANGE;
SQL
}

import() { # $1 label, $2 file
	local t0 t code left
	t0=$(date +%s.%N)
	code=$(curl -s -m "$TIMEOUT" -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -X POST \
		-H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$2" "$CHARTER/api/v1/devices/import") || true
	t=${code#* }
	[[ ${code%% *} == 200 ]] || { echo "bench: $1 answered ${code%% *}: $(head -c 300 "$WORK/answer.json")" >&2; return 1; }
	left=1
	for _ in $(seq 1 $((TIMEOUT * 5))); do
		left=$(value 'select count(*) from event_publication where completion_date is null')
		[[ $left == 0 ]] && break
		sleep 0.2
	done
	printf '%-4s %-10s %-6s %8.2f s  audited after %7s s  %s  (%s; %s; load %s)\n' "$DB" "$LABEL" "$1" "$t" "$(since "$t0")" \
		"$(grep -o '"created":[0-9]*,"updated":[0-9]*' "$WORK/answer.json")" "$(counts)" \
		"$([[ $left == 0 ]] || echo "$left events not yet audited")" "$(load)"
	echo "$DB $LABEL $1 $t" >>"$WORK/times"
}

baseline() {
	local load_csv t0 start took
	sql <<<"create table bench_export (device_name varchar(255), serial varchar(200), os varchar(200), os_version varchar(100),
  model varchar(200), email varchar(320), encrypted varchar(10), managed_by varchar(20), lock_minutes int,
  removable varchar(10), backup varchar(10), checked_at timestamp with time zone);"
	# The answers of a row, one per check, as the import maps the facts.
	local answers="select e.serial, c.id check_id, c.version, e.checked_at, case c.id
    when 'disk-encryption' then e.encrypted = 'Yes' when 'managed' then true
    when 'screen-lock' then e.lock_minutes between 1 and 15 when 'removable-storage-blocked' then e.removable = 'Yes'
    else e.backup = 'No' end passed
  from bench_export e cross join device_check c
  where c.id in ('disk-encryption', 'managed', 'screen-lock', 'removable-storage-blocked', 'no-local-backup')"
	run() { # $1 label, $2 file
		if [[ $DB == h2 ]]; then
			load_csv="insert into bench_export select * from csvread('$2');"
		else
			load_csv="\\copy bench_export from '$2' with (format csv, header true)"
		fi
		# The client's own start (a JVM for H2's RunScript) is not the database's work.
		t0=$(date +%s.%N)
		sql <<<"select 1;" >/dev/null
		start=$(since "$t0")
		t0=$(date +%s.%N)
		sql <<SQL
begin;
delete from bench_export;
$load_csv
merge into device d using (select e.*, p.id owner_id from bench_export e left join person p on p.email = e.email) e
  on d.serial = e.serial
  when matched then update set hostname = e.device_name, os_name = e.os, os_version = e.os_version,
    hardware_model = e.model, last_seen_at = greatest(d.last_seen_at, e.checked_at)
  when not matched then insert (id, hostname, platform, os_name, os_version, serial, hardware_model, owner_id,
    owner_source, enrolled_at, last_seen_at, source)
  values ($UUID_FN, e.device_name, 'windows', e.os, e.os_version, e.serial, e.model, e.owner_id, 'mdm',
    current_timestamp, e.checked_at, 'mdm');
insert into check_result (id, device_id, check_id, check_version, checked_at, passed, source)
select $UUID_FN, d.id, a.check_id, a.version, a.checked_at, a.passed, 'mdm' from ($answers) a join device d on d.serial = a.serial
where not exists (select 1 from check_result r where r.device_id = d.id and r.check_id = a.check_id
  and r.checked_at = a.checked_at and r.source = 'mdm');
merge into check_latest l using (select d.id device_id, a.* from ($answers) a join device d on d.serial = a.serial) a
  on l.device_id = a.device_id and l.check_id = a.check_id
  when matched and l.checked_at <= a.checked_at then update set checked_at = a.checked_at, passed = a.passed
  when not matched then insert (device_id, check_id, checked_at, passed) values (a.device_id, a.check_id, a.checked_at, a.passed);
commit;
SQL
		took=$(awk -v a="$(since "$t0")" -v s="$start" 'BEGIN { printf "%.2f", (a > s ? a - s : a) }')
		printf '%-4s %-10s %-6s %8.2f s  (less %s s of client start; %s; load %s)\n' "$DB" baseline "$1" "$took" "$start" "$(counts)" "$(load)"
		echo "$DB baseline $1 $took" >>"$WORK/times"
	}
	run first "$WORK/first.csv"
	run same "$WORK/first.csv"
	run next "$WORK/next.csv"
}

PORT=$(free_port)
CHARTER=http://127.0.0.1:$PORT
: >"$WORK/times"
for db in $DBS; do
	for jar in "${JARS[@]}"; do
		LABEL=${jar%%=*}
		[[ $jar == *=* ]] || LABEL=$(basename "$(dirname "$(dirname "$(realpath "$jar")")")")
		LABEL=${LABEL:0:10}
		use_db "$db"
		start_charter "${jar#*=}"
		seed
		import first "$WORK/first.csv"
		import same "$WORK/first.csv"
		import next "$WORK/next.csv"
		stop_charter
	done
	use_db "$db"
	# The schema as Charter made it, without Charter running.
	start_charter "$JAR"
	seed
	stop_charter
	baseline
done
[[ $DB == pg ]] && pg_stop

echo
echo "ratio to the baseline (import / the database alone)"
awk '$2 == "baseline" { base[$1 " " $3] = $4 } $2 != "baseline" { run[NR] = $0 }
	END { for (i in run) { split(run[i], f, " "); b = base[f[1] " " f[3]]
		printf "%-4s %-10s %-6s %8.1f\n", f[1], f[2], f[3], (b > 0 ? f[4] / b : 0) } }' "$WORK/times" | sort
echo "load at the end: $(load)"
