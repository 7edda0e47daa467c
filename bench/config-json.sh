#!/usr/bin/env bash
# Throughput of the banner's configuration, GET /c/{site}/config.json, answered 200 and 304,
# against nginx serving the same bytes as a static file, in the same run on the same machine.
#
#   bash bench/config-json.sh         (needs wrk and nginx, from Debian's packages)
#
# 1. Starts Charter (target/charter.jar) on a fresh embedded database; the WeGroup site is seeded
#    and published at first start, so /c/wegroup-be/config.json?lang=fr is a real configuration.
# 2. Saves what Charter answers to a browser (Accept-Encoding: gzip): the gzip bytes. nginx serves
#    those bytes from a file with the same Content-Type, Content-Encoding and Cache-Control, and
#    its own ETag (nginx computes it from the file's size and time).
# 3. Warms Charter's JIT up, then ROUNDS times: Charter 200, nginx 200, Charter 304, nginx 304
#    (304: the request carries If-None-Match with the server's own ETag), each a wrk run of
#    DURATION seconds with CONNS connections on THREADS threads. Prints the medians and the ratio
#    Charter / nginx. Every load stays on 127.0.0.1 and is bounded in time.
#
# Environment: DURATION=10 WARMUP=30 ROUNDS=3 CONNS=64 THREADS=2 JAVA_OPTS= LANG_CODE=fr JAR=target/charter.jar
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-30}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
JAVA_OPTS=${JAVA_OPTS:-}
LANG_CODE=${LANG_CODE:-fr}
JAR=${JAR:-target/charter.jar}
SITE=wegroup-be
PATH_Q="/c/$SITE/config.json?lang=$LANG_CODE"

for tool in wrk nginx curl java; do
	command -v "$tool" >/dev/null || { echo "config-json.sh: $tool is missing (apt-get install wrk nginx-light)" >&2; exit 1; }
done
ensure_jar

WORK=$(mktemp -d)
chmod 755 "$WORK" # nginx's workers run as an unprivileged user and must read the file
APP_PID= NGINX_PID=
cleanup() {
	set +e
	[[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null
	[[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	rm -rf "$WORK"
	return 0
}
trap cleanup EXIT
trap 'echo "config-json.sh: failed at line $LINENO" >&2' ERR

APP_PORT=$(free_port)
NGINX_PORT=$(free_port)
JARPATH=$(realpath "$JAR")
read -r -a opts <<<"$JAVA_OPTS"
(cd "$WORK" && CHARTER_ADMIN_EMAIL=bench-admin@example.com CHARTER_ADMIN_PASSWORD=bench-password-0123456789 \
	exec java "${opts[@]}" -jar "$JARPATH" --server.port="$APP_PORT" >"$WORK/app.log" 2>&1) &
APP_PID=$!
for ((i = 0; i < 600; i++)); do
	curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health/readiness" && break
	kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$WORK/app.log" >&2; exit 1; }
	sleep 0.5
done

CHARTER_URL="http://127.0.0.1:$APP_PORT$PATH_Q"
NGINX_URL="http://127.0.0.1:$NGINX_PORT$PATH_Q"
mkdir -p "$WORK/www"
curl -sf -H 'Accept-Encoding: gzip' -D "$WORK/charter.headers" -o "$WORK/www/config.json.gz" "$CHARTER_URL"
header() { awk -v h="$2" 'BEGIN { IGNORECASE = 1 } tolower($1) == tolower(h) ":" { sub(/^[^:]*: */, ""); sub(/\r$/, ""); print; exit }' "$1"; }
ctype=$(header "$WORK/charter.headers" Content-Type)
cache=$(header "$WORK/charter.headers" Cache-Control)
[[ $(header "$WORK/charter.headers" Content-Encoding) == gzip ]] || { echo "Charter did not answer gzip" >&2; exit 1; }

cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $WORK/www;
		location = /c/$SITE/config.json {
			default_type "$ctype";
			add_header Content-Encoding gzip;
			add_header Vary Accept-Encoding;
			add_header Cache-Control "$cache";
			try_files /config.json.gz =404;
		}
	}
}
EOF
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
for ((i = 0; i < 50; i++)); do curl -sf -o /dev/null "$NGINX_URL" && break; sleep 0.1; done
curl -sf -H 'Accept-Encoding: gzip' -D "$WORK/nginx.headers" -o "$WORK/nginx.body" "$NGINX_URL"
cmp -s "$WORK/nginx.body" "$WORK/www/config.json.gz" || { echo "nginx does not serve the same bytes" >&2; exit 1; }
charter_etag=$(header "$WORK/charter.headers" ETag)
nginx_etag=$(header "$WORK/nginx.headers" ETag)
for pair in "$CHARTER_URL|$charter_etag" "$NGINX_URL|$nginx_etag"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H "If-None-Match: ${pair#*|}" "${pair%%|*}")
	[[ $code == 304 ]] || { echo "${pair%%|*} answered $code, not 304, to its own ETag" >&2; exit 1; }
done

echo "== config.json throughput: Charter and nginx, same bytes, same run"
echo "date       $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpus       $(nproc) x $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
echo "java       $(java -version 2>&1 | head -n 1), JAVA_OPTS=${JAVA_OPTS:-(none)}"
echo "nginx      $(nginx -v 2>&1 | sed 's/^nginx version: //'), worker_processes auto"
echo "commit     $(git rev-parse --short HEAD 2>/dev/null || echo -)"
echo "body       $(stat -c %s "$WORK/www/config.json.gz") B gzip ($PATH_Q), Cache-Control: $cache"
echo "load       wrk -t$THREADS -c$CONNS -d${DURATION}s, Accept-Encoding: gzip; $ROUNDS rounds after a ${WARMUP} s warm-up of Charter"

# Requests/s of one wrk run; fails when any answer was not the expected status.
run() {
	local url=$1 etag=$2 secs=$3 out rps errors
	local -a hdr=(-H 'Accept-Encoding: gzip')
	[[ -n $etag ]] && hdr+=(-H "If-None-Match: $etag")
	out=$(wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" "${hdr[@]}" "$url")
	errors=$(awk '/Non-2xx or 3xx/ { print $NF } /Socket errors/ { print "socket" }' <<<"$out")
	[[ -z $errors ]] || { echo "errors in a run against $url: $errors" >&2; echo "$out" >&2; exit 1; }
	rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
	echo "$rps"
}

run "$CHARTER_URL" "" "$WARMUP" >/dev/null
run "$CHARTER_URL" "$charter_etag" "$((WARMUP / 2))" >/dev/null
declare -A R
printf '%-8s %-8s %10s\n' round case req/s
for ((r = 1; r <= ROUNDS; r++)); do
	for c in charter-200 nginx-200 charter-304 nginx-304; do
		case $c in
		charter-200) v=$(run "$CHARTER_URL" "" "$DURATION") ;;
		nginx-200) v=$(run "$NGINX_URL" "" "$DURATION") ;;
		charter-304) v=$(run "$CHARTER_URL" "$charter_etag" "$DURATION") ;;
		nginx-304) v=$(run "$NGINX_URL" "$nginx_etag" "$DURATION") ;;
		esac
		R[$c]+=" $v"
		printf '%-8s %-8s %10s\n' "$r" "$c" "$v"
	done
done

echo
echo "== medians of $ROUNDS runs (target: Charter >= 20,000 req/s)"
for s in 200 304; do
	ch=$(median '%.0f' ${R[charter-$s]})
	ng=$(median '%.0f' ${R[nginx-$s]})
	printf '%s: Charter %s req/s, nginx %s req/s, ratio Charter/nginx %s, ratio to 20,000 %s\n' "$s" "$ch" "$ng" \
		"$(awk -v a="$ch" -v b="$ng" 'BEGIN { printf "%.2f", a / b }')" "$(awk -v a="$ch" 'BEGIN { printf "%.2f", a / 20000 }')"
done
