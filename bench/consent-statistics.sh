#!/usr/bin/env bash
# Consent statistics benchmark: the statistics page's and the statistics API's reads on the
# aggregate tables against the same figures computed in SQL on the raw consent_record table, on
# PostgreSQL. Figures: docs/consent-log.md, "Benchmark: consent statistics".
#
#   flock /tmp/charter-bench.lock bash bench/consent-statistics.sh          (as root: PostgreSQL runs as user postgres)
#   RECORDS=20000 RUNS=20 bash bench/consent-statistics.sh                  (smoke run)
#
# 1. Starts a private PostgreSQL cluster on loopback, creates consent_site, consent_record (the
#    columns and indexes of the migrations, the indexes built after the load) and the statistics
#    tables (the statistics migration itself), and one site with RECORDS records (default
#    10,000,000) spread over DAYS days (365) by one INSERT ... SELECT from generate_series: two
#    declaration versions, three languages, five methods, six pages.
# 2. Rolls every day but today up into the aggregate tables with SQL equal to the roll-up's (one
#    grouped scan of the records into a working table, the three tables from it).
# 3. pgbench, one client, with per-run latencies, for PERIOD days (default 365, a year) ending today:
#    "page"  = what the statistics page reads (DailyStatistics.read for the period and for the
#              PERIOD days before it): the days rolled up, the three aggregate tables, today's
#              records counted live; RUNS times (200);
#    "api"   = what GET /api/v1/consent/sites/{site}/statistics reads: the same for the period
#              alone; RUNS times;
#    "raw"   = the page's figures from consent_record alone (one grouped scan of both periods);
#              RAW_RUNS times (5: one run scans every record).
#    Prints p50/p95 of each and the ratio. Target (issue 18): p95 <= 500 ms at 10 million.
#
# On a busy machine the load of 10 million records alone can take longer than one locked run may
# (6 minutes): STEP=load builds the cluster in DATA (default /var/tmp/charter-stats-bench) and stops
# it, STEP=measure starts it again, measures and removes it (KEEP=1 keeps it). Each under the lock:
#   flock /tmp/charter-bench.lock env STEP=load bash bench/consent-statistics.sh
#   flock /tmp/charter-bench.lock env STEP=measure bash bench/consent-statistics.sh
# The cluster is a throw-away one: fsync and WAL are off while it loads.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RECORDS="${RECORDS:-10000000}"
DAYS="${DAYS:-365}"
PERIOD="${PERIOD:-365}"
RUNS="${RUNS:-200}"
RAW_RUNS="${RAW_RUNS:-5}"
PG_PORT="${PG_PORT:-55472}"
STEP="${STEP:-all}"
KEEP="${KEEP:-0}"

[ "$(id -u)" = 0 ] || { echo "run as root (PostgreSQL runs as user postgres)"; exit 1; }
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)"; exit 1; }

case "$STEP" in
  all) TMP="$(mktemp -d /var/tmp/charter-stats-bench.XXXXXX)" ;;
  load) TMP="${DATA:-/var/tmp/charter-stats-bench}"; mkdir -p "$TMP" ;;
  measure) TMP="${DATA:-/var/tmp/charter-stats-bench}"; [ -d "$TMP/pg" ] || { echo "no cluster in $TMP: run STEP=load first"; exit 1; } ;;
  *) echo "STEP is all, load or measure"; exit 1 ;;
esac
chown postgres: "$TMP"
PG_UP=0
cleanup() {
  set +e
  [ "$PG_UP" = 1 ] && (cd "$TMP" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$TMP/pg" -m fast -w stop >/dev/null)
  # A load is kept for the next load or the measure step, a measured cluster only with KEEP=1.
  [ "$STEP" = load ] || { [ "$STEP" = measure ] && [ "$KEEP" = 1 ]; } || rm -rf "$TMP"
}
trap cleanup EXIT

psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d charter -v ON_ERROR_STOP=1 -qAt "$@"; }

start_pg() {
  (cd "$TMP" && runuser -u postgres -- "$PG_BIN/pg_ctl" -w -D "$TMP/pg" -l "$TMP/pg.log" \
    -o "-c listen_addresses=127.0.0.1 -p ${PG_PORT} -c unix_socket_directories=${TMP} -c shared_buffers=256MB $*" \
    start >/dev/null)
  PG_UP=1
}
echo "== $("$PG_BIN/postgres" --version); $(nproc) cores; load $(cut -d' ' -f1 /proc/loadavg); step ${STEP}"
if [ "$STEP" != measure ]; then
FAST="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=20GB -c maintenance_work_mem=512MB"
T0=$(date +%s)
if [ "$STEP" = load ] && [ -f "$TMP/pg/PG_VERSION" ]; then
  # A load cut off by its time limit goes on where it stopped.
  # shellcheck disable=SC2086
  start_pg $FAST
else
(cd "$TMP" && runuser -u postgres -- "$PG_BIN/initdb" -D "$TMP/pg" --auth=trust -U postgres --encoding=UTF8 \
  --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1)
# shellcheck disable=SC2086
start_pg $FAST
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres charter
echo "== ${RECORDS} records over ${DAYS} days"

psql_ <<'SQL'
create table consent_site (id uuid primary key, site_key varchar(64) not null unique);
create table consent_restriction (visitor_id varchar(64) primary key, restricted_at timestamp(6) with time zone not null);
create table consent_record (
  id uuid not null, site_id uuid not null,
  visitor_id varchar(64) not null, version int not null, method varchar(20) not null,
  choices varchar(1000) not null, language varchar(5) not null, page_url varchar(500),
  source_hash varchar(64), browser varchar(60), recorded_at timestamp(6) with time zone not null,
  chosen_at timestamp(6) with time zone);
insert into consent_site values ('00000000-0000-0000-0000-0000000000b1', 'bench');
SQL
psql_ -f src/main/resources/db/migration/consent/V2026_12_07_2230__consent_statistics.sql
fi

# In chunks of CHUNK records, each committed: a load cut off keeps what it wrote.
CHUNK="${CHUNK:-1000000}"
while :; do
  DONE_ROWS=$(psql_ -c 'select count(*) from consent_record')
  [ "$DONE_ROWS" -lt "$RECORDS" ] || break
  LAST=$((DONE_ROWS + CHUNK < RECORDS ? DONE_ROWS + CHUNK : RECORDS))
  echo "== records $((DONE_ROWS + 1)) to ${LAST} ($(( $(date +%s) - T0 )) s)"
psql_ -v first="$((DONE_ROWS + 1))" -v records="$LAST" -v days="$DAYS" <<'SQL'
insert into consent_record (id, site_id, visitor_id, version, method, choices, language, page_url, recorded_at)
select gen_random_uuid(), '00000000-0000-0000-0000-0000000000b1', 'v' || g,
  case when g % 3 = 0 then 1 else 2 end, m.method,
  case m.method when 'ACCEPT_ALL' then 'analytics=1,tracking=1'
    when 'REFUSE_ALL' then 'analytics=0,tracking=0' when 'GPC' then 'analytics=1,tracking=0'
    when 'WITHDRAW' then 'analytics=0,tracking=0'
    else case when g % 2 = 0 then 'analytics=1,tracking=0' else 'analytics=0,tracking=1' end end
    || case when g % 3 = 0 then '' else ',video=' || (g % 2) end,
  (array['fr', 'nl', 'en'])[1 + g % 3],
  'https://www.bench.test/' || (array['fr/', 'nl/', 'en/', 'fr/contact', 'nl/shop', 'en/blog'])[1 + g % 6],
  now() - (g % :days) * interval '1 day' - (g % 86400) * interval '1 second'
from generate_series(:first, :records) g
cross join lateral (select (array['ACCEPT_ALL', 'ACCEPT_ALL', 'REFUSE_ALL', 'CUSTOM', 'GPC', 'WITHDRAW'])[1 + (g / 7) % 6] as method) m;
SQL
done
[ -f "$TMP/loaded" ] && { echo "== loaded already"; exit 0; }
T1=$(date +%s)
psql_ -1 <<'SQL'
alter table consent_record add primary key (id);
alter table consent_record add foreign key (site_id) references consent_site (id);
create index consent_record_by_visitor on consent_record (site_id, visitor_id);
create index consent_record_by_time on consent_record (site_id, recorded_at);
analyze consent_record;
SQL
# The roll-up's figures in SQL: per day, version, language, method; per category; per page. One
# grouped scan of the records (as ConsentTallies.tally groups them), the three tables from it.
psql_ -1 <<'SQL'
set work_mem = '256MB';
create temporary table tally as
select site_id, cast(recorded_at at time zone 'UTC' as date) as d, version, language, method,
  coalesce(page_url, '') as page, choices, count(*) as n
from consent_record where recorded_at < cast(now() at time zone 'UTC' as date)
  and visitor_id not in (select visitor_id from consent_restriction)
group by 1, 2, 3, 4, 5, 6, 7;
insert into consent_statistic_day select distinct site_id, d, now() from tally;
insert into consent_statistic select site_id, d, version, language, method, sum(n) from tally group by 1, 2, 3, 4, 5;
insert into consent_statistic_choice
select site_id, d, version, language, method, split_part(c, '=', 1),
  sum(case when split_part(c, '=', 2) = '1' then n else 0 end), sum(case when split_part(c, '=', 2) = '0' then n else 0 end)
from tally cross join lateral unnest(string_to_array(choices, ',')) c
where position(':' in split_part(c, '=', 1)) = 0
group by 1, 2, 3, 4, 5, 6;
insert into consent_statistic_page select site_id, d, page, method, sum(n) from tally group by 1, 2, 3, 4;
analyze;
SQL
T2=$(date +%s)
echo "== records written in $((T1 - T0)) s (this run), indexed and rolled up in $((T2 - T1)) s; aggregate rows: $(psql_ -c 'select count(*) from consent_statistic') + $(psql_ -c 'select count(*) from consent_statistic_choice') + $(psql_ -c 'select count(*) from consent_statistic_page')"
psql_ -c checkpoint
if [ "$STEP" = load ]; then touch "$TMP/loaded"; exit 0; fi
# Measured with the ordinary durability settings.
(cd "$TMP" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$TMP/pg" -m fast -w stop >/dev/null)
PG_UP=0
fi
start_pg
T0=${T0:-$(date +%s)}
echo "== $(psql_ -c 'select count(*) from consent_record') records"

# What DailyStatistics.read issues for the days FROM to TO (a period of PERIOD days ending today):
# the days rolled up, the three aggregate tables, the days not rolled up (today) counted live.
reads() { # reads <first day back> <last day back>
  local from="current_date - $1" to="current_date - $2"
  cat <<SQL
select on_day from consent_statistic_day where site_id = '00000000-0000-0000-0000-0000000000b1' and on_day >= $from and on_day <= $to;
select on_day, version, language, method, records from consent_statistic where site_id = '00000000-0000-0000-0000-0000000000b1' and on_day >= $from and on_day <= $to;
select on_day, version, language, method, category, granted, refused from consent_statistic_choice where site_id = '00000000-0000-0000-0000-0000000000b1' and on_day >= $from and on_day <= $to;
select on_day, page_url, method, records from consent_statistic_page where site_id = '00000000-0000-0000-0000-0000000000b1' and on_day >= $from and on_day <= $to;
SQL
  # Only a period ending today has a day not rolled up.
  [ "$2" = 0 ] || return 0
  cat <<SQL
select cast(recorded_at at time zone 'UTC' as date), version, language, method, coalesce(page_url, ''), choices, count(*)
  from consent_record where site_id = '00000000-0000-0000-0000-0000000000b1' and recorded_at >= cast(now() at time zone 'UTC' as date)
  and visitor_id not in (select visitor_id from consent_restriction)
  group by cast(recorded_at at time zone 'UTC' as date), version, language, method, coalesce(page_url, ''), choices;
SQL
}
# The page: the period and the one before it; the API: the period alone.
{ reads $((PERIOD - 1)) 0; reads $((2 * PERIOD - 1)) "$PERIOD"; } >"$TMP/page.sql"
reads $((PERIOD - 1)) 0 >"$TMP/api.sql"
# The same figures straight from the records.
cat >"$TMP/raw.sql" <<SQL
select cast(recorded_at at time zone 'UTC' as date), version, language, method, coalesce(page_url, ''), choices, count(*)
  from consent_record where site_id = '00000000-0000-0000-0000-0000000000b1' and recorded_at >= current_date - $((2 * PERIOD - 1))
  and visitor_id not in (select visitor_id from consent_restriction)
  group by cast(recorded_at at time zone 'UTC' as date), version, language, method, coalesce(page_url, ''), choices;
SQL

measure() { # measure <name> <runs> -> "p50 p95" in ms
  (cd "$TMP" && "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c 1 -t "$2" -f "$TMP/$1.sql" \
    -l --log-prefix="$TMP/log-$1" charter >/dev/null 2>&1)
  cat "$TMP/log-$1".* | awk '{print $3 / 1000}' | sort -n | awk '{a[NR] = $1} END {
    p50 = a[int(NR * 0.50 + 0.5)]; p95 = a[int(NR * 0.95 + 0.5)]; printf "%.1f %.1f", p50, p95}'
}
read -r PAGE50 PAGE95 <<<"$(measure page "$RUNS")"
read -r API50 API95 <<<"$(measure api "$RUNS")"
read -r RAW50 RAW95 <<<"$(measure raw "$RAW_RUNS")"
echo "== ${PERIOD} days (+ previous ${PERIOD} for the page), ${RUNS} runs each (raw ${RAW_RUNS}), one client; load $(cut -d' ' -f1 /proc/loadavg)"
echo "page (aggregates + today live): p50 ${PAGE50} ms, p95 ${PAGE95} ms"
echo "api  (aggregates + today live): p50 ${API50} ms, p95 ${API95} ms"
echo "raw consent_record in psql:     p50 ${RAW50} ms, p95 ${RAW95} ms"
awk -v a="$PAGE95" -v c="$API95" -v b="$RAW95" 'BEGIN {printf "p95 ratio page/raw: %.4f, api/raw: %.4f; target p95 <= 500 ms: page %s, api %s\n",
  a / b, c / b, a <= 500 ? "met" : "NOT met", c <= 500 ? "met" : "NOT met"}'
echo "== total $(( $(date +%s) - T0 )) s"
