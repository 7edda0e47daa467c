#!/usr/bin/env bash
# The security team's compliance overview on a large directory: latency of /people/compliance
# (first page, and filtered by a duty's state) with PEOPLE active people, against a running Charter.
# Run from the repository root; see docs/benchmarks.md.
#
#   BASE=http://localhost:8080 ADMIN_EMAIL=... ADMIN_PASSWORD=... bench/compliance-overview.sh
#
# Imports PEOPLE people (idempotent: the same ids every run) through the console's CSV import, signs
# in, sends WARMUP requests, then times REQUESTS requests of each page (curl's time_total) and prints
# the median and the 95th percentile in ms. Target: p95 under 300 ms at 10,000 people.
#
# Environment: PEOPLE=10000 WARMUP=50 REQUESTS=100
set -euo pipefail

BASE=${BASE:?BASE, the running Charter}
ADMIN_EMAIL=${ADMIN_EMAIL:?}
ADMIN_PASSWORD=${ADMIN_PASSWORD:?}
PEOPLE=${PEOPLE:-10000}
WARMUP=${WARMUP:-50}
REQUESTS=${REQUESTS:-100}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/charter-compliance.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
jar=$WORK/cookies

csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | csrf_of)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$ADMIN_EMAIL" \
	--data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"

{
	echo "name,email,employee_id,kind,department,manager,start_date,end_date,status,language"
	for ((i = 0; i < PEOPLE; i++)); do
		printf 'Bench Person %05d,bench-%05d@example.test,B%05d,employee,Dept %02d,,2024-01-%02d,,active,en\n' \
			"$i" "$i" "$i" $((i % 40)) $((i % 28 + 1))
	done
} >"$WORK/people.csv"
csrf=$(curl -s -b "$jar" "$BASE/people/import" | csrf_of)
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" --data-urlencode "csv@$WORK/people.csv" \
	--data-urlencode "mode=ALL" --data-urlencode "_csrf=$csrf" "$BASE/people/import/apply")
echo "import     $PEOPLE people: HTTP $code"

percentiles() { # one time per line in ms: prints "median p95"
	sort -n | awk '{ v[NR] = $1 } END { printf "median %.1f ms, p95 %.1f ms\n", v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.999)] }'
}
measure() { # $1 label, $2 path
	local i
	for ((i = 0; i < WARMUP; i++)); do curl -s -o /dev/null -b "$jar" "$BASE$2"; done
	for ((i = 0; i < REQUESTS; i++)); do
		curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$BASE$2"
	done | awk '{ printf "%.2f\n", $1 * 1000 }' | percentiles | sed "s|^|$1 |"
}

measure "first page " "/people/compliance"
measure "overdue    " "/people/compliance?duty=policy-work-behaviors&state=OVERDUE"
measure "department " "/people/compliance?department=Dept%2007"
measure "training overdue" "/people/compliance?duty=training&state=OVERDUE"
