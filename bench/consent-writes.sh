#!/usr/bin/env bash
# Consent-write benchmark: POST /c/{site}/consents on PostgreSQL with durable commits (fsync on,
# synchronous_commit on), and on the embedded H2 file database.
#
#   bash bench/consent-writes.sh            (as root: it runs PostgreSQL with runuser -u postgres)
#
# 1. Starts a private PostgreSQL cluster on loopback with the default durability settings, starts
#    Charter on it (rate limit raised so one load source is not throttled), creates a site.
# 2. For each connection count (CONNS, default "1 32 64"): wrk POSTs valid consent bodies with
#    distinct visitor ids and the site's Origin for DURATION seconds (after a WARMUP), then pgbench
#    inserts a consent-shaped row (same columns, indexes and foreign key) with the same number of
#    clients for the same time (after one JIT warm-up of JIT_WARMUP seconds at 32 connections).
#    Prints records/s, latency percentiles and the ratio to pgbench.
#    Rows are counted before and after each run: every 201 must be a committed row.
# 3. Fixed rate (RATE, default 2000/s) with an open-loop Java client for the p99 at that rate.
# 4. The same wrk runs against Charter on H2 (file database, WRITE_DELAY=0); H2=0 leaves them out.
# JAR may name several jars ("JAR='base.jar target/charter.jar'"): each is measured in turn in the same
# run, on a fresh database, each wrk run followed by its pgbench run; lines name the jar.
# Everything stays on 127.0.0.1; every load is bounded in time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-5}"
# Once after each start: the JIT needs tens of thousands of requests before Charter runs at speed
# (on a busy machine far longer, as the compiler threads get little CPU).
JIT_WARMUP="${JIT_WARMUP:-40}"
CONNS="${CONNS:-1 32 64}"
RATE="${RATE:-2000}"
PG_PORT="${PG_PORT:-55471}"
APP_PORT="${APP_PORT:-18471}"
ORIGIN="https://www.bench.test"
URL="http://127.0.0.1:${APP_PORT}/c/bench/consents"
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx1g}"
# On a shared machine, NICE=-10 gives the benchmark's processes (PostgreSQL, Charter, wrk,
# pgbench, the load client) priority over the rest; 0 by default.
NICE="${NICE:-0}"
JAR="${JAR:-target/charter.jar}"
N=(nice -n "$NICE")

[ "$(id -u)" = 0 ] || { echo "run as root (PostgreSQL runs as user postgres)"; exit 1; }
if ! command -v wrk >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
fi
# shellcheck source=bench/lib.sh
source bench/lib.sh
H2="${H2:-1}"
read -r -a JARS <<<"$JAR"
if [ ! -f "${JARS[0]}" ] || [ "${BUILD:-0}" = 1 ]; then
  mvn -B -q -DskipTests package
fi

pg_workspace charter-bench


start_app() { # start_app <datasource url> <log>
  # shellcheck disable=SC2086
  SPRING_DATASOURCE_URL="$1" SPRING_DATASOURCE_USERNAME="${2:-sa}" SPRING_DATASOURCE_PASSWORD="${3:-}" \
  CHARTER_ADMIN_EMAIL=bench@charter.test CHARTER_ADMIN_PASSWORD=load-runner-password-123 \
    "${N[@]}" java $JAVA_OPTS -jar "$CURRENT_JAR" --server.port="$APP_PORT" \
    --charter.consent.rate-limit-per-minute=1000000000 --charter.scheduling.enabled=false \
    --logging.level.root=WARN >"$TMP/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    if curl -sf "http://127.0.0.1:${APP_PORT}/actuator/health/readiness" >/dev/null; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$TMP/app.log"; echo "Charter did not start"; exit 1; }
    sleep 0.5
  done
  echo "Charter not ready"; exit 1
}

stop_app() {
  kill "$APP_PID"; wait "$APP_PID" || true; APP_PID=""
}

run_wrk() { # run_wrk <connections> <seconds> -> RESULT line
  local c="$1" t=2
  [ "$c" -lt 2 ] && t=1
  "${N[@]}" wrk -t"$t" -c"$c" -d"$2"s --timeout 10s -s bench/consent-writes.lua "$URL" | grep '^RESULT'
}

field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }
# Other processes on the machine skew every figure: each line says what the load was before the run.
load() { cut -d' ' -f1 /proc/loadavg; }

declare -a SUMMARY=()
FAILED=0

echo "== nice ${NICE}; machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $("$PG_BIN/postgres" --version); $(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"

# ---------------------------------------------------------------- PostgreSQL, fsync on
pg_start "$TMP" "${N[@]}"
echo "== PostgreSQL on 127.0.0.1:${PG_PORT}: fsync=$(psql_ -c 'show fsync'), synchronous_commit=$(psql_ -c 'show synchronous_commit'), wal_sync_method=$(psql_ -c 'show wal_sync_method'), data in $TMP (disk: $(df --output=fstype "$TMP" | tail -1))"

for CURRENT_JAR in "${JARS[@]}"; do
TAG=""
[ "${#JARS[@]}" -gt 1 ] && TAG=" [$(basename "$CURRENT_JAR")]"
"$PG_BIN/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists charter
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres charter
start_app "jdbc:postgresql://127.0.0.1:${PG_PORT}/charter" postgres postgres
psql_ -f bench/consent-writes-site.sql
psql_ -c "create table bench_consent (like consent_record including all)" \
  -c "alter table bench_consent add foreign key (site_id) references consent_site (id)"
echo "== JIT warm-up: $(run_wrk 32 "$JIT_WARMUP")"

for c in $CONNS; do
  run_wrk "$c" "$WARMUP" >/dev/null
  sleep 1
  before=$(psql_ -c "select count(*) from consent_record")
  l=$(load)
  result=$(run_wrk "$c" "$DURATION")
  sleep 1
  after=$(psql_ -c "select count(*) from consent_record")
  created=$(field created "$result"); rps=$(field rps "$result")
  rows=$((after - before))
  psql_ -c "truncate bench_consent"
  tps=$("${N[@]}" "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$c" -j "$([ "$c" -lt 2 ] && echo 1 || echo 2)" \
    -T "$DURATION" -f bench/consent-writes-pgbench.sql charter 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
  ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.2f", a / b }')
  ok="ok"
  if [ "$rows" -lt "$created" ] || [ "$(field other "$result")" != 0 ]; then ok="MISMATCH"; FAILED=1; fi
  line=$(printf "postgresql c=%-3s charter %7.0f rec/s  p50 %6s ms  p90 %6s ms  p99 %6s ms  max %7s ms | pgbench %7.0f tx/s | ratio %s | 201s %s, new rows %s, non-201 %s errors %s: %s" \
    "$c" "$rps" "$(field p50 "$result")" "$(field p90 "$result")" "$(field p99 "$result")" "$(field max "$result")" "$tps" "$ratio" \
    "$created" "$rows" "$(field other "$result")" "$(field errors "$result")" "$ok")
  line="$line | load before $l$TAG"
  echo "$line"; SUMMARY+=("$line")
done

l=$(load)
before=$(psql_ -c "select count(*) from consent_record")
fixed=$("${N[@]}" java bench/ConsentLoad.java "$URL" "$ORIGIN" "$RATE" "$DURATION")
sleep 1
after=$(psql_ -c "select count(*) from consent_record")
line="postgresql fixed rate: $(echo "$fixed" | tr '\n' ' ')| new rows $((after - before)) | load before $l$TAG"
echo "$line"; SUMMARY+=("$line")
stop_app
done

# ---------------------------------------------------------------- H2 file database
for CURRENT_JAR in "${JARS[@]}"; do
[ "$H2" = 1 ] || break
TAG=""
[ "${#JARS[@]}" -gt 1 ] && TAG=" [$(basename "$CURRENT_JAR")]"
rm -rf "$TMP/h2"
mkdir -p "$TMP/h2"
H2_URL="jdbc:h2:file:${TMP}/h2/charter;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE"
unzip -p "$CURRENT_JAR" "$(unzip -Z1 "$CURRENT_JAR" | grep 'BOOT-INF/lib/h2-.*\.jar')" >"$TMP/h2.jar"
h2_() { java -cp "$TMP/h2.jar" org.h2.tools.Shell -url "$H2_URL" -user sa -password "" "$@"; }
h2_count() { h2_ -sql "select count(*) from consent_record" | sed -n '2p' | tr -d ' '; }
start_app "$H2_URL"
h2_ -sql "$(grep -v '^--' bench/consent-writes-site.sql | tr '\n' ' ')" >/dev/null
echo "== JIT warm-up: $(run_wrk 32 "$JIT_WARMUP")"
for c in $CONNS; do
  run_wrk "$c" "$WARMUP" >/dev/null
  sleep 1
  before=$(h2_count)
  l=$(load)
  result=$(run_wrk "$c" "$DURATION")
  sleep 1
  after=$(h2_count)
  created=$(field created "$result"); rows=$((after - before))
  ok="ok"
  if [ "$rows" -lt "$created" ] || [ "$(field other "$result")" != 0 ]; then ok="MISMATCH"; FAILED=1; fi
  line=$(printf "h2         c=%-3s charter %7.0f rec/s  p50 %6s ms  p90 %6s ms  p99 %6s ms  max %7s ms | 201s %s, new rows %s, non-201 %s errors %s: %s" \
    "$c" "$(field rps "$result")" "$(field p50 "$result")" "$(field p90 "$result")" "$(field p99 "$result")" "$(field max "$result")" \
    "$created" "$rows" "$(field other "$result")" "$(field errors "$result")" "$ok")
  line="$line | load before $l$TAG"
  echo "$line"; SUMMARY+=("$line")
done
stop_app
done

echo
echo "== summary (${DURATION}s per run after ${WARMUP}s warm-up)"
printf '%s\n' "${SUMMARY[@]}"
[ "$FAILED" = 0 ] || { echo "SOME 201 WITHOUT A COMMITTED ROW, OR NON-201 ANSWERS"; exit 1; }
