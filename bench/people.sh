#!/usr/bin/env bash
# People directory benchmark (issue 13, "Speed"), on the embedded H2 file database:
#
#   bash bench/people.sh
#
# 1. Starts Charter (target/charter.jar, or target/classes with the Maven class path when there is no
#    jar) with a first administrator, and gives it an administrator API token and a SCIM credential
#    straight in the database (their SHA-256, as Charter stores them).
# 2. CSV import: 10,000 people (10 departments, a manager each) posted to
#    POST /api/v1/people/import?dryRun=false; the time curl waits for the answer. Target: <= 10 s.
# 3. SCIM lookups: wrk sends GET /scim/v2/Users?filter=userName eq "person-N@..." for random N with
#    CONNS connections for DURATION seconds (after WARMUP). Target: >= 1,000 requests/s.
# 4. Baseline in the same run: the lookup's SQL alone over JDBC (bench/PeopleQuery.java) with the same
#    number of threads, against the same database through H2's TCP server; the ratio is printed.
# 5. The security team's overview, /people/compliance, on the same 10,000 people (target: p95 <= 300 ms):
#    bench/compliance-overview.sh signed in as the first administrator, OVERVIEW_WARMUP requests first
#    (the JVM has served the import and the lookups, not this page: a cold page), then
#    OVERVIEW_REQUESTS timed. OVERVIEW=0 skips it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
CONNS="${CONNS:-8}"
JAR="${JAR:-target/charter.jar}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx512m}"
command -v wrk >/dev/null || { echo "bench: wrk is needed" >&2; exit 2; }

charter_workspace

PORT=$(free_port)
CHARTER=http://127.0.0.1:$PORT
DB="jdbc:h2:file:$WORK/data/charter;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
ADMIN=bench-admin@example.com
(cd "$WORK" && CHARTER_ADMIN_EMAIL=$ADMIN CHARTER_ADMIN_PASSWORD=bench-password-0123456789 \
	exec "$JAVA" $JAVA_OPTS "${RUN[@]}" --server.port="$PORT" --spring.datasource.url="$DB" >charter.log 2>&1) &
PIDS+=($!)
await_ready "$CHARTER" "${PIDS[-1]}" "$WORK/charter.log" || exit 1

secret() { printf '%s%s' "$1" "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"; }
sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
TOKEN=$(secret chr_)
SCIM=$(secret scim_)
cat >"$WORK/credentials.sql" <<SQL
insert into api_token (id, user_id, name, token_hash, prefix, roles, created_at, expires_at)
select random_uuid(), id, 'bench', '$(sha "$TOKEN")', '${TOKEN:0:10}', 'ADMIN', current_timestamp,
  dateadd('DAY', 1, current_timestamp) from app_user where email = '$ADMIN';
insert into scim_credential (id, name, token_hash, prefix, created_at)
values (random_uuid(), 'bench', '$(sha "$SCIM")', '${SCIM:0:11}', current_timestamp);
SQL
"$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "$DB" -user sa -script "$WORK/credentials.sql"

DOMAIN=bench.test
awk -v d="$DOMAIN" 'BEGIN {
	print "name,email,employee_id,kind,department,manager,start_date,end_date,status,language"
	for (i = 1; i <= 10000; i++) {
		manager = (i <= 10) ? "" : "B" ((i - 1) % 10 + 1)
		printf "Person %d,person-%d@%s,B%d,%s,Department %d,%s,2024-01-%02d,,active,%s\n", i, i, d, i,
			(i % 7 ? "employee" : "contractor"), i % 10 + 1, manager, i % 28 + 1, (i % 3 ? "en" : "fr")
	}
}' >"$WORK/people.csv"

echo "== People directory"
echo "date       $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine    $(nproc) x $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "java       $("$JAVA" -version 2>&1 | head -n 1)"
echo "commit     $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "jar        $JAR ($(unzip -p "$JAR" META-INF/build-info.properties 2>/dev/null | grep -m1 '^build.time' || stat -c '%y' "$JAR" 2>/dev/null || echo 'classes'))"
echo "database   H2 file (embedded, AUTO_SERVER)"

import=$(curl -fs -o "$WORK/import.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
	-H 'Content-Type: text/csv' --data-binary @"$WORK/people.csv" "$CHARTER/api/v1/people/import?dryRun=false")
imported=$(grep -o '"imported":[0-9]*' "$WORK/import.json" | cut -d: -f2)
echo
echo "CSV import of 10,000 people: ${import} s (imported $imported; target <= 10 s)"
[[ $imported == 10000 ]] || { echo "bench: the import did not write 10,000 people" >&2; cat "$WORK/import.json" | head -c 2000 >&2; exit 1; }

cat >"$WORK/lookup.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $SCIM"
wrk.headers["Accept"] = "application/scim+json"
request = function()
	local n = math.random(1, 10000)
	return wrk.format("GET", "/scim/v2/Users?filter=userName%20eq%20%22person-" .. n .. "%40$DOMAIN%22")
end
response = function(status, headers, body)
	if status ~= 200 or not body:find('"totalResults":1', 1, true) then
		error("unexpected answer " .. status)
	end
end
LUA
curl -fs -H "Authorization: Bearer $SCIM" "$CHARTER/scim/v2/Users?filter=userName%20eq%20%22person-42%40$DOMAIN%22" |
	grep -q '"totalResults":1' || { echo "bench: the SCIM lookup does not answer" >&2; exit 1; }
wrk -t2 -c"$CONNS" -d"${WARMUP}s" -s "$WORK/lookup.lua" "$CHARTER" >/dev/null
wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s "$WORK/lookup.lua" "$CHARTER" >"$WORK/wrk.txt"
scim=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$WORK/wrk.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.txt")
errors=$(grep -c 'Non-2xx\|Socket errors' "$WORK/wrk.txt" || true)

"$JAVA" -cp "$H2_JAR" bench/PeopleQuery.java "$DB" sa "" "$CONNS" 3 "$DOMAIN" >/dev/null
sql=$("$JAVA" -cp "$H2_JAR" bench/PeopleQuery.java "$DB" sa "" "$CONNS" "$DURATION" "$DOMAIN")

echo "SCIM GET /Users?filter=userName eq: $scim req/s, p99 $p99 ($CONNS connections, ${DURATION} s; error lines: $errors; target >= 1,000/s)"
echo "baseline, the same SELECT over JDBC: $sql queries/s ($CONNS threads)"
echo "ratio SCIM / SQL: $(awk -v a="$scim" -v b="$sql" 'BEGIN { printf "%.2f", a / b }')"

if [[ ${OVERVIEW:-1} != 0 ]]; then
	echo
	echo "SECURITY overview /people/compliance, 10,000 active people (warm-up ${OVERVIEW_WARMUP:-50}, ${OVERVIEW_REQUESTS:-100} timed; target p95 <= 300 ms):"
	BASE=$CHARTER ADMIN_EMAIL=$ADMIN ADMIN_PASSWORD=bench-password-0123456789 PEOPLE=0 \
		WARMUP="${OVERVIEW_WARMUP:-50}" REQUESTS="${OVERVIEW_REQUESTS:-100}" bash bench/compliance-overview.sh | grep -v '^import'
fi
