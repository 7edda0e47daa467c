#!/usr/bin/env bash
# Start-up time to ready and resident memory of Charter, measured with public tools only
# (bash, date, curl, /proc, the JDK). Run from the repository root; see docs/benchmarks.md.
#
#   bench/startup.sh                                        # 5 runs, default flags
#   RUNS=3 JAVA_OPTS="-Xmx128m -XX:+UseSerialGC" bench/startup.sh
#   RUNS=3 APP_ARGS="--spring.main.lazy-initialization=true" bench/startup.sh
#   RUNS=3 LAYOUT=cds bench/startup.sh
#
# Comparing configurations: give each as an argument "label|JAVA_OPTS|APP_ARGS|LAYOUT[|JAVA[|JAR[|BIN]]]"
# (JAVA: that configuration's java command, default $JAVA; JAR: its jar, default $JAR, e.g. the
# jar of an earlier commit; BIN: with LAYOUT=bin, the bin/charter script to start it with, default
# this checkout's, e.g. the script of that earlier commit). They are
# run round-robin (one run of each, RUNS times over) so that load from other work on a shared
# machine falls on all of them alike, and a summary with medians and ratios closes the output:
#
#   RUNS=3 bench/startup.sh "default|||" "serial-128m|-XX:+UseSerialGC -Xmx128m||" "cds|||cds"
#
# Each run starts `java $JAVA_OPTS -jar charter.jar --server.port=<free port> $APP_ARGS` in a fresh
# empty working directory (so the embedded H2 database ./data/charter.mv.db is created and migrated
# from scratch, as on a first start), with CHARTER_ADMIN_EMAIL / CHARTER_ADMIN_PASSWORD set.
#
#   ready_s   wall time from just before the JVM is launched until GET /actuator/health/readiness
#             first answers 200 (polled every POLL_MS, default 50 ms, over bash's /dev/tcp)
#   started_s the JVM's own "Started CharterApplication in X seconds" line (jvm_up_s: its
#             "process running for Y")
#   cpu_s     user+system CPU seconds the JVM had used when it became ready (/proc/<pid>/stat)
#   others_s  CPU seconds used by everything else on the machine during that start-up (/proc/stat
#             busy time minus cpu_s): how much other work competed with this run
#   busy%     others_s as a share of the machine's CPU time over the start-up (ready_s x nproc)
#   rss_MiB   VmRSS from /proc/<pid>/status, SETTLE_S (default 5) seconds after ready
#   use_MiB   VmRSS after signing in as the administrator and requesting a few pages
#   hwm_MiB   VmHWM (peak RSS) at the end of the run
#   signin    "ok" when the sign-in worked and every page answered 200
#
# LAYOUT: jar        java -jar charter.jar (the fat jar, as built)
#         extracted  java -Djarmode=tools -jar charter.jar extract, then java -jar the extracted jar
#         cds        extracted, plus an AppCDS archive recorded by a training run
#                    (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh) and used with
#                    -XX:SharedArchiveFile
#         cds-full   as cds, but the training run is a whole start: readiness, a sign-in and a few pages,
#                    then SIGTERM (the archive is written at that normal exit)
#         aot        (JDK 25 or newer, JAVA=...) extracted, plus an AOT cache recorded by a training run
#                    (-XX:AOTCacheOutput, -Dspring.context.exit=onRefresh) and used with -XX:AOTCache
#         bin        README's bin/charter itself (JAVA_OPTS: the configuration's, else bin/charter's
#                    defaults; its archive is recorded by an untimed first start before the runs)
#
# Environment: RUNS=5 JAVA=java (the java command) JAVA_OPTS= APP_ARGS= LAYOUT=jar JAR=target/charter.jar SETTLE_S=5 POLL_MS=50
#   READY_TIMEOUT_S=600 WORKLOAD=1 KEEP=0 (1: keep logs and data) TARGET_READY_S=5 TARGET_RSS_MIB=400
#   WAIT_IDLE=0 (e.g. 90: before each run wait until the CPUs were 90 % idle over 2 s, at most
#   WAIT_IDLE_MAX_S=900; on a shared machine this keeps runs out of other work's busy spells)
#   NICE= (e.g. -10: run the JVM under `nice -n -10`, so that other work on a shared machine takes
#   less CPU from it; negative values need root)
#   POLLER=tcp (the readiness poll: bash's /dev/tcp, no process per poll; curl: one curl per poll,
#   as the figures before 2026-11-26 15:20 UTC were measured, which costs the machine about 10 % of
#   its CPU while polling every 50 ms)
#   RESTART=0 (1: time a restart on an existing database instead of a first start: each run first
#   starts and stops Charter once, untimed, in its directory)
#   QUIET_MAX=0 (e.g. 20: discard and repeat a run, up to QUIET_TRIES=5 attempts, when other work
#   used more than 20 % of the machine's CPU time while it started: the busy% column)
#   LAUNCH_DIR= (LAYOUT=bin: keep each configuration's extracted jar and archive in LAUNCH_DIR/launch<n>
#   and reuse them when there; so `RUNS=0 LAUNCH_DIR=d bench/startup.sh ...` records the archives
#   outside the bench lock, and the locked run with the same LAUNCH_DIR and configurations only times)
set -euo pipefail

cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
JAVA=${JAVA:-java}
JAR=${JAR:-target/charter.jar}
SETTLE_S=${SETTLE_S:-5}
POLL_MS=${POLL_MS:-50}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-600}
WORKLOAD=${WORKLOAD:-1}
KEEP=${KEEP:-0}
TARGET_READY_S=${TARGET_READY_S:-5}
TARGET_RSS_MIB=${TARGET_RSS_MIB:-400}
WAIT_IDLE=${WAIT_IDLE:-0}
NICE=${NICE:-}
QUIET_MAX=${QUIET_MAX:-0}
RESTART=${RESTART:-0}
POLLER=${POLLER:-tcp}
QUIET_TRIES=${QUIET_TRIES:-5}
LAUNCH_DIR=${LAUNCH_DIR:-}
WAIT_IDLE_MAX_S=${WAIT_IDLE_MAX_S:-900}
ADMIN_EMAIL=bench-admin@example.com
ADMIN_PASSWORD=bench-password-0123456789

if (($# == 0)); then
	set -- "env|${JAVA_OPTS:-}|${APP_ARGS:-}|${LAYOUT:-jar}"
fi
declare -a C_LABEL C_OPTS C_ARGS C_LAYOUT C_JAR C_JAVA C_SRC C_BIN
for spec in "$@"; do
	IFS='|' read -r label opts args layout java jar bin <<<"$spec"
	C_SRC+=("${jar:-}")
	C_BIN+=("${bin:-$PWD/bin/charter}")
	layout=${layout:-jar}
	C_JAVA+=("${java:-$JAVA}")
	case $layout in jar | extracted | cds | cds-full | aot | bin) ;; *) echo "startup.sh: unknown LAYOUT '$layout' in '$spec'" >&2; exit 2 ;; esac
	C_LABEL+=("${label:-config${#C_LABEL[@]}}"); C_OPTS+=("$opts"); C_ARGS+=("$args"); C_LAYOUT+=("$layout")
done

for tool in "$JAVA" curl awk getconf; do
	command -v "$tool" >/dev/null || { echo "startup.sh: $tool is needed" >&2; exit 2; }
done
launch=()
if [[ -n $NICE ]]; then
	if [[ $(nice -n "$NICE" nice 2>/dev/null) != "$NICE" ]]; then
		echo "startup.sh: cannot run at nice $NICE (negative values need root)" >&2
		exit 2
	fi
	launch=(nice -n "$NICE")
fi

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar

WORK=$(mktemp -d "${TMPDIR:-/tmp}/charter-startup.XXXXXX")
app_pid=
cleanup() {
	if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
		kill -TERM "$app_pid" 2>/dev/null || true
		wait "$app_pid" 2>/dev/null || true
	fi
	if [[ $KEEP == 1 ]]; then
		echo "logs and data kept in $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Work on a snapshot of the jar: a rebuild of target/ during the runs must not change what is measured.
# Its time is kept: bin/charter knows a build by it (LAUNCH_DIR reuses an archive across runs).
cp -p "$JAR" "$WORK/charter.jar"
for ((c = 0; c < ${#C_SRC[@]}; c++)); do
	if [[ -n ${C_SRC[c]} ]]; then
		mkdir -p "$WORK/jar$c"
		cp -p "${C_SRC[c]}" "$WORK/jar$c/charter.jar"
	fi
done

CLK_TCK=$(getconf CLK_TCK)
NCPU=$(nproc)
now_ns() { date +%s%N; }
ms_since() { echo $((($(now_ns) - $1) / 1000000)); }
status_mib() { # a field of /proc/<pid>/status (kB) in MiB
	awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024; found = 1 } END { if (!found) print "-" }' "/proc/$2/status" 2>/dev/null || echo "-"
}
cpu_s() { # utime + stime of the whole process (all threads), in seconds
	awk -v t="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$1/stat" 2>/dev/null || echo "-"
}
ratio() {
	if [[ $1 == - ]]; then echo "-"; else awk -v m="$1" -v t="$2" 'BEGIN { printf "%.2f", m / t }'; fi
}
cpu_busy_idle() { # machine-wide busy and idle jiffies since boot, from /proc/stat
	awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6; exit }' /proc/stat
}
idle_pct() { # share of the CPUs that were idle over the last $1 seconds
	local b0 i0 b1 i1
	read -r b0 i0 < <(cpu_busy_idle)
	sleep "$1"
	read -r b1 i1 < <(cpu_busy_idle)
	awk -v b=$((b1 - b0)) -v i=$((i1 - i0)) 'BEGIN { printf "%.0f", (b + i) ? 100 * i / (b + i) : 100 }'
}
wait_idle() { # with WAIT_IDLE=<percent>, wait (up to WAIT_IDLE_MAX_S) until the CPUs are that idle over 2 s
	local t0 p
	[[ $WAIT_IDLE == 0 ]] && return 0
	t0=$(now_ns)
	while :; do
		p=$(idle_pct 2)
		((p >= WAIT_IDLE)) && return 0
		(($(ms_since "$t0") < WAIT_IDLE_MAX_S * 1000)) || { echo "  (machine not ${WAIT_IDLE}% idle after ${WAIT_IDLE_MAX_S} s; running anyway)" >&2; return 0; }
	done
}
poll_sleep=$(awk -v m="$POLL_MS" 'BEGIN { print m / 1000 }')
# The readiness poll forks no process (POLLER=tcp): a curl per poll every 50 ms took about a tenth
# of this 2-core machine's CPU from the JVM being measured. Sleeps are a read with a timeout on a
# pipe nobody writes to; times come from bash's EPOCHREALTIME.
exec {tick}<> <(:)
poll_readiness() { # sets READINESS to the status of GET /actuator/health/readiness on port $1 (000: none)
	local conn
	READINESS=000
	{ exec {conn}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
	printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&"$conn"
	read -r -t 5 -u "$conn" _ READINESS _ || READINESS=000
	READINESS=${READINESS%$'\r'}
	exec {conn}>&-
}

echo "== Charter start-up benchmark"
echo "date       $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpus       $(nproc) x $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
echo "memory     $(awk '/^MemTotal/ { t = $2 } /^MemAvailable/ { a = $2 } END { printf "%.1f GiB total, %.1f GiB available", t / 1048576, a / 1048576 }' /proc/meminfo)"
for j in $(printf '%s\n' "${C_JAVA[@]}" | sort -u); do
	echo "java       $j: $("$j" -version 2>&1 | head -n 1)"
done
echo "load avg   $(cut -d' ' -f1-3 /proc/loadavg) (before the runs)"
if commit=$(git rev-parse --short HEAD 2>/dev/null); then
	git diff --quiet HEAD -- src pom.xml || commit+=" + uncommitted changes in src/ or pom.xml"
	echo "commit     $commit"
fi
echo "jar        $JAR ($(du -m "$WORK/charter.jar" | cut -f1) MB, built $(date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ))"
echo "runs       $RUNS per configuration, RSS read ${SETTLE_S} s after ready$( ((WAIT_IDLE > 0)) && echo ", each run after the CPUs were ${WAIT_IDLE} % idle")${NICE:+, JVM at nice $NICE}"
echo "poller     readiness polled every ${POLL_MS} ms with $( [[ $POLLER == curl ]] && echo curl || echo "bash /dev/tcp")"
for ((c = 0; c < ${#C_LABEL[@]}; c++)); do
	echo "config     ${C_LABEL[c]}: JAVA_OPTS=${C_OPTS[c]:-(none)} APP_ARGS=${C_ARGS[c]:-(none)} LAYOUT=${C_LAYOUT[c]} JAVA=${C_JAVA[c]}$([[ ${C_LAYOUT[c]} == bin ]] && echo " BIN=${C_BIN[c]}")"
done

# One sign-in and a few pages, as a user would; echoes "ok" when the signed-in pages answered 200.
workload() {
	local base=$1 cookies=$2 page csrf codes="" c path
	page=$(curl -s -c "$cookies" -b "$cookies" "$base/login" || true)
	csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -n 1 | sed 's/.*value="//; s/"$//' || true)
	curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "username=$ADMIN_EMAIL" \
		--data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$base/login" || true
	for path in / /audit /admin/users /admin/outbox /profile /tokens / /audit; do
		c=$(curl -s -o /dev/null -w '%{http_code}' -b "$cookies" "$base$path" || echo 000)
		codes+=" $c"
	done
	curl -s -o /dev/null "$base/v3/api-docs" || true
	if [[ $codes =~ ^(\ 200)+$ ]]; then echo ok; else echo "fail:${codes# }" | tr ' ' ','; fi
}

# jar_of <config>: the snapshot of the jar the configuration runs (its sixth field, else JAR).
jar_of() {
	if [[ -n ${C_SRC[$1]} ]]; then echo "$WORK/jar$1/charter.jar"; else echo "$WORK/charter.jar"; fi
}

# launch_of <config>: where bin/charter keeps the configuration's extracted jar and archive.
launch_of() {
	if [[ -n $LAUNCH_DIR ]]; then echo "$LAUNCH_DIR/launch$1"; else echo "$WORK/launch$1"; fi
}

# command_of <config> [java options...]: sets CMD to the command that starts the configuration
# (arguments to Charter follow it).
command_of() {
	local c=$1 
	local -a opts
	shift
	read -r -a opts <<<"${C_OPTS[c]}"
	if [[ ${C_LAYOUT[c]} == bin ]]; then
		# Only the configuration's own settings reach bin/charter, not the caller's.
		CMD=(env -u JAVA_OPTS -u CHARTER_AOT JAVA="${C_JAVA[c]}" CHARTER_JAR="$(jar_of "$c")" CHARTER_LAUNCH_DIR="$(launch_of "$c")")
		[[ -n ${C_OPTS[c]} ]] && CMD+=(JAVA_OPTS="${C_OPTS[c]}")
		CMD+=("${C_BIN[c]}")
	else
		CMD=("${C_JAVA[c]}" ${opts[@]+"${opts[@]}"} "$@" -jar "${C_JAR[c]}")
	fi
}

# untimed_run <config> <dir> <port> <log> <workload 0|1> [java options...]: starts the configuration
# in <dir>, waits until it is ready, optionally signs in and asks for a few pages, then stops it
# normally (SIGTERM). Used to train an archive and to prime a database for RESTART=1.
untimed_run() {
	local c=$1 dir=$2 port=$3 log=$4 work=$5 pid i
	local -a args
	shift 5
	read -r -a args <<<"${C_ARGS[c]}"
	command_of "$c" "$@"
	(cd "$dir" && CHARTER_ADMIN_EMAIL=$ADMIN_EMAIL CHARTER_ADMIN_PASSWORD=$ADMIN_PASSWORD \
		exec "${CMD[@]}" --server.port="$port" "${args[@]}" >"$dir/$log" 2>&1) &
	pid=$!
	for ((i = 0; i < READY_TIMEOUT_S * 10; i++)); do
		poll_readiness "$port"
		[[ $READINESS == 200 ]] && break
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "${C_LABEL[c]}: exited before it was ready; last log lines:" >&2
			tail -n 20 "$dir/$log" >&2
			exit 1
		fi
		sleep 0.1
	done
	((work == 1)) && workload "http://127.0.0.1:$port" "$dir/cookies" >/dev/null
	kill -TERM "$pid"
	wait "$pid" || true
}

# Prepare each configuration's jar (and class-data archive) once, before the measured runs.
for ((c = 0; c < ${#C_LABEL[@]}; c++)); do
	C_JAR[c]=$(jar_of "$c")
	[[ ${C_LAYOUT[c]} == jar ]] && continue
	if [[ ${C_LAYOUT[c]} == bin ]]; then
		# bin/charter extracts the jar and records its archive at its first start.
		# .jsa: a class-data archive; .aot: an AOT cache (bin/charter on Java 24 or newer).
		if [[ -n $LAUNCH_DIR ]] && { compgen -G "$(launch_of "$c")/charter-*.jsa" || compgen -G "$(launch_of "$c")/charter-*.aot"; } >/dev/null; then
			echo "bin        ${C_LABEL[c]}: archive recorded before, in $(launch_of "$c")"
			continue
		fi
		td=$WORK/training$c
		mkdir -p "$td"
		t0=$(now_ns)
		untimed_run "$c" "$td" "$(free_port)" app.log 0
		echo "bin        ${C_LABEL[c]}: first start (extraction, archive, start) $(ms_since "$t0") ms, archive $(du -cm "$(launch_of "$c")"/charter-*.jsa "$(launch_of "$c")"/charter-*.aot 2>/dev/null | tail -n 1 | cut -f1) MB"
		rm -rf "$td"
		continue
	fi
	if [[ ! -d $(dirname "${C_JAR[c]}")/extracted ]]; then
		"$JAVA" -Djarmode=tools -jar "${C_JAR[c]}" extract --destination "$(dirname "${C_JAR[c]}")/extracted" >/dev/null
	fi
	C_JAR[c]=$(dirname "${C_JAR[c]}")/extracted/charter.jar
	if [[ ${C_LAYOUT[c]} == cds* || ${C_LAYOUT[c]} == aot ]]; then
		read -r -a opts <<<"${C_OPTS[c]}"
		read -r -a args <<<"${C_ARGS[c]}"
		td=$WORK/training$c
		if [[ ${C_LAYOUT[c]} == cds* ]]; then
			archive=$WORK/charter$c.jsa record=-XX:ArchiveClassesAtExit=$archive use=-XX:SharedArchiveFile=$archive
		else
			archive=$WORK/charter$c.aot record=-XX:AOTCacheOutput=$archive use=-XX:AOTCache=$archive
		fi
		mkdir -p "$td"
		t0=$(now_ns)
		if [[ ${C_LAYOUT[c]} == cds-full ]]; then
			# The whole start, readiness and a few requests, then a normal stop: the archive is
			# written at exit and holds the classes of the first-start work and request handling too.
			untimed_run "$c" "$td" "$(free_port)" app.log 1 "$record"
		else
			(cd "$td" && CHARTER_ADMIN_EMAIL=$ADMIN_EMAIL CHARTER_ADMIN_PASSWORD=$ADMIN_PASSWORD \
				"${launch[@]}" "${C_JAVA[c]}" "${opts[@]}" "$record" -Dspring.context.exit=onRefresh \
				-jar "${C_JAR[c]}" --server.port="$(free_port)" "${args[@]}" >"$td/app.log" 2>&1) || true
		fi
		if [[ ! -f $archive ]]; then
			echo "${C_LABEL[c]}: no archive written; last log lines:" >&2
			tail -n 20 "$td/app.log" >&2
			exit 1
		fi
		echo "${C_LAYOUT[c]}        ${C_LABEL[c]}: archive $(du -m "$archive" | cut -f1) MB, training run $(ms_since "$t0") ms"
		C_OPTS[c]="${C_OPTS[c]} $use"
		rm -rf "$td/data"
	fi
done


declare -A R
row() { printf '%-14s %3s %7s %9s %8s %6s %8s %7s %7s %7s %7s %5s %5s %s\n' "$@"; }
echo
row config run ready_s started_s jvm_up_s cpu_s others_s rss_MiB use_MiB hwm_MiB signin busy% load1
for ((i = 1; i <= RUNS; i++)); do
	for ((c = 0; c < ${#C_LABEL[@]}; c++)); do
		read -r -a opts <<<"${C_OPTS[c]}"
		read -r -a args <<<"${C_ARGS[c]}"
		wd=$WORK/c$c-run$i
		attempt=1
		while :; do
			rm -rf "$wd"
			mkdir -p "$wd"
			port=$(free_port)
			# RESTART=1: the timed start finds an existing, migrated and seeded database.
			((RESTART == 1)) && untimed_run "$c" "$wd" "$port" prime.log 0
			wait_idle
			load1=$(cut -d' ' -f1 /proc/loadavg)
			read -r busy0 _ < <(cpu_busy_idle)
			command_of "$c"
			t0_us=${EPOCHREALTIME/[.,]/}
			(cd "$wd" && CHARTER_ADMIN_EMAIL=$ADMIN_EMAIL CHARTER_ADMIN_PASSWORD=$ADMIN_PASSWORD \
				exec ${launch[@]+"${launch[@]}"} "${CMD[@]}" --server.port="$port" "${args[@]}" >"$wd/app.log" 2>&1) &
			app_pid=$!
			ready_ms=
			while :; do
				if [[ $POLLER == curl ]]; then
					code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" || true)
				else
					poll_readiness "$port"
					code=$READINESS
				fi
				if [[ $code == 200 ]]; then ready_ms=$(((${EPOCHREALTIME/[.,]/} - t0_us) / 1000)); break; fi
				kill -0 "$app_pid" 2>/dev/null || break
				(((${EPOCHREALTIME/[.,]/} - t0_us) / 1000 < READY_TIMEOUT_S * 1000)) || break
				read -r -t "$poll_sleep" -u "$tick" _ || true
			done
			if [[ -z $ready_ms ]]; then
				echo "${C_LABEL[c]} run $i: not ready (exited or timed out after ${READY_TIMEOUT_S} s); last log lines:" >&2
				tail -n 30 "$wd/app.log" >&2
				KEEP=1
				exit 1
			fi
			cpu=$(cpu_s "$app_pid")
			read -r busy1 _ < <(cpu_busy_idle)
			others=$(awk -v b=$((busy1 - busy0)) -v t="$CLK_TCK" -v c="$cpu" 'BEGIN { o = b / t - c; printf "%.1f", o < 0 ? 0 : o }')
			busy=$(awk -v o="$others" -v w="$ready_ms" -v n="$NCPU" 'BEGIN { printf "%.0f", 100 * o / (w / 1000 * n) }')
			if ((QUIET_MAX > 0 && busy > QUIET_MAX && attempt < QUIET_TRIES)); then
				kill -TERM "$app_pid"
				wait "$app_pid" || true
				app_pid=
				row "${C_LABEL[c]}" "$i" "$(awk -v m="$ready_ms" 'BEGIN { printf "%.2f", m / 1000 }')" "" "" "$cpu" "$others" \
					"" "" "" "" "$busy" "$(cut -d' ' -f1 /proc/loadavg)" "discarded: other work used ${busy} % of the CPUs"
				attempt=$((attempt + 1))
				continue
			fi
			sleep "$SETTLE_S"
			rss=$(status_mib VmRSS "$app_pid")
			signin=- use=-
			if [[ $WORKLOAD == 1 ]]; then
				signin=$(workload "http://127.0.0.1:$port" "$wd/cookies")
				sleep 1
				use=$(status_mib VmRSS "$app_pid")
			fi
			hwm=$(status_mib VmHWM "$app_pid")
			kill -TERM "$app_pid"
			wait "$app_pid" || true
			app_pid=
			line=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$wd/app.log" | head -n 1 || true)
			started=$(sed -n 's/.* in \([0-9.]*\) seconds.*/\1/p' <<<"$line")
			running=$(sed -n 's/.*running for \([0-9.]*\))/\1/p' <<<"$line")
			ready=$(awk -v m="$ready_ms" 'BEGIN { printf "%.2f", m / 1000 }')
			R[$c,ready]+=" $ready" R[$c,started]+=" ${started:--}" R[$c,running]+=" ${running:--}" R[$c,cpu]+=" $cpu" R[$c,others]+=" $others" R[$c,busy]+=" $busy"
			R[$c,rss]+=" $rss" R[$c,use]+=" $use" R[$c,hwm]+=" $hwm"
			row "${C_LABEL[c]}" "$i" "$ready" "${started:--}" "${running:--}" "$cpu" "$others" "$rss" "$use" "$hwm" "$signin" "$busy" "$load1"
			[[ $KEEP == 1 ]] || rm -rf "$wd"
			break
		done
	done
done
echo "load avg   $(cut -d' ' -f1-3 /proc/loadavg) (after the runs)"
# RUNS=0 only prepared the configurations (with LAUNCH_DIR: recorded their archives).
((RUNS > 0)) || exit 0

echo
echo "== medians of $RUNS runs; ratio = median / target (target: ready ${TARGET_READY_S} s, RSS ${TARGET_RSS_MIB} MiB; <= 1.00 meets it)"
printf '%-14s %7s %9s %8s %6s %8s %5s %7s %7s %7s %11s %9s %9s\n' config ready_s started_s jvm_up_s cpu_s others_s busy% rss_MiB use_MiB hwm_MiB ready_ratio rss_ratio use_ratio
for ((c = 0; c < ${#C_LABEL[@]}; c++)); do
	declare -A M=()
	for k in ready started running cpu others busy rss use hwm; do
		case $k in ready | started | running) fmt=%.2f ;; cpu | others) fmt=%.1f ;; *) fmt=%.0f ;; esac
		# shellcheck disable=SC2086
		M[$k]=$(median "$fmt" ${R[$c,$k]})
	done
	printf '%-14s %7s %9s %8s %6s %8s %5s %7s %7s %7s %11s %9s %9s\n' "${C_LABEL[c]}" "${M[ready]}" "${M[started]}" "${M[running]}" \
		"${M[cpu]}" "${M[others]}" "${M[busy]}" "${M[rss]}" "${M[use]}" "${M[hwm]}" "$(ratio "${M[ready]}" "$TARGET_READY_S")" \
		"$(ratio "${M[rss]}" "$TARGET_RSS_MIB")" "$(ratio "${M[use]}" "$TARGET_RSS_MIB")"
done
