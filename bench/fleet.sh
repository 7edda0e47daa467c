#!/usr/bin/env bash
# Simulated osquery fleet (issue 14): HOSTS devices (default 50,000) checking in through osquery's
# distributed read every INTERVAL seconds (default 300: 167 check-ins/s), each answering at once
# with a distributed write when it was sent queries; target p99 <= 100 ms. Figures in docs/devices.md.
#
#   flock /tmp/charter-bench.lock bash bench/fleet.sh     (as root: PostgreSQL runs as user postgres)
#
# 1. Starts a private PostgreSQL cluster on loopback (default durability: fsync and synchronous_commit
#    on) and Charter on it (scheduling off, enrolment throttle raised for the enrolment sample).
# 2. Enrols the fleet in bulk by SQL (bench/fleet-setup.sql: the devices and their node keys' hashes,
#    as enrolment writes them), then ENROLLS real enrolments through /osquery/enroll for their rate.
# 3. WARMUP seconds of check-ins for the JIT, then DURATION seconds measured (bench/FleetLoad.java,
#    open loop at the fixed rate, latency from each check-in's due time).
# 4. pgbench replays the same transactions (bench/fleet-checkin*.sql: one check-in in twelve due its
#    checks, as in the run) at the same rate for PG_DURATION seconds, then unthrottled for 15 s.
# Everything stays on 127.0.0.1; every load is bounded in time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

HOSTS="${HOSTS:-50000}"
INTERVAL="${INTERVAL:-300}"
RATE="${RATE:-$(( (HOSTS + INTERVAL - 1) / INTERVAL ))}"
DURATION="${DURATION:-120}"
WARMUP="${WARMUP:-30}"
PG_DURATION="${PG_DURATION:-60}"
ENROLLS="${ENROLLS:-2000}"
CONNECTIONS="${CONNECTIONS:-64}"
PG_PORT="${PG_PORT:-55491}"
APP_PORT="${APP_PORT:-18491}"
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx1g}"
JAR="${JAR:-target/charter.jar}"
SECRET="bench-fleet-enroll-secret"
BASE="http://127.0.0.1:${APP_PORT}"

[ "$(id -u)" = 0 ] || { echo "run as root (PostgreSQL runs as user postgres)"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh
[ -f "$JAR" ] || mvn -B -q -DskipTests package

pg_workspace charter-fleet
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; load $(load); $("$PG_BIN/postgres" --version); $(java -version 2>&1 | head -1)"
pg_start "$TMP"

# shellcheck disable=SC2086
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${PG_PORT}/charter" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD=postgres CHARTER_ADMIN_EMAIL=bench@charter.test CHARTER_ADMIN_PASSWORD=load-runner-password-123 \
  java $JAVA_OPTS -jar "$JAR" --server.port="$APP_PORT" --charter.scheduling.enabled=false \
  --charter.devices.enroll-attempts=100000000 --logging.level.root=WARN >"$TMP/app.log" 2>&1 &
APP_PID=$!
started=$(date +%s)
for _ in $(seq 1 360); do
  curl -sf "$BASE/actuator/health/readiness" >/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$TMP/app.log"; echo "Charter did not start"; exit 1; }
  sleep 0.5
done
echo "== Charter ready in $(( $(date +%s) - started )) s"

t0=$(date +%s.%N)
psql_ -v hosts="$HOSTS" -v secret="$SECRET" -f bench/fleet-setup.sql
echo "== $HOSTS devices enrolled in bulk (SQL) in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
echo "== real enrolments (load $(load)): $(java bench/FleetLoad.java enroll "$BASE" "$SECRET" "$ENROLLS" 16 | tr '\n' ' ')"

java bench/FleetLoad.java load "$BASE" "$HOSTS" "$RATE" "$WARMUP" "$CONNECTIONS" >/dev/null
results_before=$(psql_ -c "select count(*) from check_result")
echo "== load before the run: $(load)"
java bench/FleetLoad.java load "$BASE" "$HOSTS" "$RATE" "$DURATION" "$CONNECTIONS" "$((RATE * WARMUP))" | sed 's/^/charter  /'
echo "charter  check results written: $(( $(psql_ -c "select count(*) from check_result") - results_before ))"
kill "$APP_PID"; wait "$APP_PID" || true; APP_PID=""

# One check-in in twelve is due its checks (1 h check interval over a 5 min distributed interval).
echo "== load before pgbench: $(load)"
(cd "$TMP" && "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 \
  -R "$RATE" -T "$PG_DURATION" -D hosts="$HOSTS" -l --log-prefix="$TMP/pgb" \
  -f "$OLDPWD/bench/fleet-checkin.sql@11" -f "$OLDPWD/bench/fleet-checkin-write.sql@1" charter >"$TMP/pgbench.out" 2>&1) \
  || { cat "$TMP/pgbench.out"; exit 1; }
grep -E '^(tps|latency average|number of transactions actually)' "$TMP/pgbench.out" | sed 's/^/pgbench  fixed rate: /'
# Column 3 of pgbench's log is the latency in µs (from the scheduled start, with -R); column 4 the script.
cat "$TMP"/pgb* | awk '{ print $3 / 1000 }' | sort -g | awk '{ v[NR] = $1 } END {
  printf "pgbench  fixed rate %d/s latency ms p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f (n=%d)\n", '"$RATE"',
    v[int(NR * 0.5)], v[int(NR * 0.9)], v[int(NR * 0.99)], v[int(NR * 0.999)], v[NR], NR }'
"$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -T 15 -D hosts="$HOSTS" \
  -f bench/fleet-checkin.sql@11 -f bench/fleet-checkin-write.sql@1 charter 2>/dev/null | grep -E '^(tps|latency average)' \
  | sed 's/^/pgbench  unthrottled: /'
echo "== load at the end: $(load)"
