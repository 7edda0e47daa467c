#!/usr/bin/env bash
# What start-up flags cost once Charter runs: request latency after warm-up, per configuration.
# Run from the repository root; see docs/benchmarks.md.
#
#   bench/steady.sh "default||" "c1-serial-128m|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m|"
#
# Each argument is "label|JAVA_OPTS|APP_ARGS". For each configuration (ROUNDS times, round-robin):
# start the jar in a fresh empty directory, wait for readiness, sign in, send WARMUP page requests,
# then time (curl's time_total) PAGES requests to the dashboard and the audit page, and SIGNINS
# password sign-ins (each one hashes the password with BCrypt, the most CPU-heavy request Charter
# serves). Prints the median latency per configuration and the RSS at the end.
#
# Environment: ROUNDS=3 WARMUP=400 PAGES=200 SIGNINS=20 JAVA=java JAR=target/charter.jar
set -euo pipefail

cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-400}
PAGES=${PAGES:-200}
SIGNINS=${SIGNINS:-20}
JAVA=${JAVA:-java}
JAR=${JAR:-target/charter.jar}
ADMIN_EMAIL=bench-admin@example.com
ADMIN_PASSWORD=bench-password-0123456789

(($# > 0)) || set -- "default||"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar

WORK=$(mktemp -d "${TMPDIR:-/tmp}/charter-steady.XXXXXX")
app_pid=
cleanup() {
	if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
		kill -TERM "$app_pid" 2>/dev/null || true
		wait "$app_pid" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cp "$JAR" "$WORK/charter.jar"

signin() { # $1 base URL, $2 cookie jar; prints the sign-in POST's time in ms
	local page csrf
	rm -f "$2"
	page=$(curl -s -c "$2" -b "$2" "$1/login")
	csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -n 1 | sed 's/.*value="//; s/"$//')
	curl -s -o /dev/null -w '%{time_total}\n' -c "$2" -b "$2" --data-urlencode "username=$ADMIN_EMAIL" \
		--data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$1/login" |
		awk '{ printf "%.1f\n", $1 * 1000 }'
}
times_ms() { # $1 URL, $2 cookie jar, $3 count: one time_total per line, in ms
	local i
	for ((i = 0; i < $3; i++)); do
		curl -s -o /dev/null -w '%{time_total}\n' -b "$2" "$1"
	done | awk '{ printf "%.2f\n", $1 * 1000 }'
}

echo "== Charter steady-state latency"
echo "date     $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -n 1)"
echo "method   warm-up $WARMUP page requests, then $PAGES x GET / and $PAGES x GET /audit, $SIGNINS sign-ins; $ROUNDS rounds"
printf '%-16s %5s %9s %9s %10s %8s %6s\n' config round dash_ms audit_ms signin_ms rss_MiB load1
declare -A D A S M
for ((r = 1; r <= ROUNDS; r++)); do
	for spec in "$@"; do
		IFS='|' read -r label opts args <<<"$spec"
		read -r -a jopts <<<"$opts"
		read -r -a aargs <<<"$args"
		wd=$WORK/$r-$label
		mkdir -p "$wd"
		port=$(free_port)
		base=http://127.0.0.1:$port
		(cd "$wd" && CHARTER_ADMIN_EMAIL=$ADMIN_EMAIL CHARTER_ADMIN_PASSWORD=$ADMIN_PASSWORD \
			exec "$JAVA" "${jopts[@]}" -jar "$WORK/charter.jar" --server.port="$port" "${aargs[@]}" >"$wd/app.log" 2>&1) &
		app_pid=$!
		until [[ $(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health/readiness" || true) == 200 ]]; do
			kill -0 "$app_pid" 2>/dev/null || { echo "$label: exited; see log" >&2; tail -n 20 "$wd/app.log" >&2; exit 1; }
			sleep 0.1
		done
		load1=$(cut -d' ' -f1 /proc/loadavg)
		cookies=$wd/cookies
		signin "$base" "$cookies" >/dev/null
		for path in / /audit /admin/users /profile; do
			times_ms "$base$path" "$cookies" $((WARMUP / 4)) >/dev/null
		done
		for ((s = 0; s < 5; s++)); do signin "$base" "$cookies" >/dev/null; done
		dash=$(times_ms "$base/" "$cookies" "$PAGES" | median %.1f)
		audit=$(times_ms "$base/audit" "$cookies" "$PAGES" | median %.1f)
		sign=$(for ((s = 0; s < SIGNINS; s++)); do signin "$base" "$cookies"; done | median %.1f)
		rss=$(awk '$1 == "VmRSS:" { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
		kill -TERM "$app_pid"
		wait "$app_pid" || true
		app_pid=
		rm -rf "$wd"
		D[$label]+="$dash " A[$label]+="$audit " S[$label]+="$sign " M[$label]+="$rss "
		printf '%-16s %5s %9s %9s %10s %8s %6s\n' "$label" "$r" "$dash" "$audit" "$sign" "$rss" "$load1"
	done
done
echo
echo "== medians over rounds"
printf '%-16s %9s %9s %10s %8s\n' config dash_ms audit_ms signin_ms rss_MiB
for spec in "$@"; do
	label=${spec%%|*}
	printf '%-16s %9s %9s %10s %8s\n' "$label" "$(tr ' ' '\n' <<<"${D[$label]}" | awk NF | median %.1f)" \
		"$(tr ' ' '\n' <<<"${A[$label]}" | awk NF | median %.1f)" "$(tr ' ' '\n' <<<"${S[$label]}" | awk NF | median %.1f)" \
		"$(tr ' ' '\n' <<<"${M[$label]}" | awk NF | median %.1f | cut -d. -f1)"
done
