# Helpers shared by the benchmark scripts (sourced, not run).
# shellcheck shell=bash

# Builds target/charter.jar (or $JAR) when it is missing.
ensure_jar() {
	if [[ ! -f $JAR ]]; then
		echo "== $JAR missing: building it (mvn -B -q -DskipTests package)"
		mvn -B -q -DskipTests package
	fi
}

# A TCP port nothing listens on, on any address.
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 20000))
		if [[ -z $(ss -Hltn "sport = :$p" 2>/dev/null) ]] && ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return
		fi
	done
}

# Median of the numbers given as arguments after the printf format $1, or read from standard input
# when there are none; "-" and empty values are ignored; "-" when nothing is left.
median() {
	local fmt=$1
	shift
	{ if (($# > 0)); then printf '%s\n' "$@"; else cat; fi; } | awk '$1 != "-" && $1 != ""' | sort -g |
		awk -v f="$fmt" '{ v[NR] = $1 } END {
			if (NR == 0) { print "-"; exit }
			printf f "\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Waits up to three minutes until Charter at $1 is ready; on failure prints the end of log $3 and
# returns 1. $2 is Charter's process id: a process that died is not waited for.
await_ready() {
	local url=$1 pid=$2 log=$3
	for _ in $(seq 1 360); do
		curl -fs -o /dev/null "$url/actuator/health/readiness" && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	curl -fs -o /dev/null "$url/actuator/health/readiness" && return 0
	tail -n 30 "$log" >&2
	return 1
}

# A work directory ($WORK, removed at exit unless KEEP=1), the processes to stop at exit ($PIDS), and
# how to start Charter on the embedded database: from $JAR when built (RUN, and H2_JAR taken out of
# it for the script's own SQL), else from target/classes with the Maven class path.
charter_workspace() {
	WORK=$(mktemp -d)
	PIDS=()
	trap charter_cleanup EXIT
	trap 'exit 130' INT TERM
	if [[ -f $JAR ]]; then
		RUN=(-jar "$(realpath "$JAR")")
		local h2
		h2=$(unzip -Z1 "$JAR" | grep 'BOOT-INF/lib/h2-.*\.jar' | sed -n 1p) && unzip -q -j -o "$JAR" "$h2" -d "$WORK/h2"
		H2_JAR=$(ls "$WORK"/h2/h2-*.jar)
	else
		[[ -d target/classes ]] || { echo "bench: build first (mvn -B -q -DskipTests package, or test-compile)" >&2; exit 2; }
		mvn -B -ntp -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null
		RUN=(-cp "$PWD/target/classes:$(cat "$WORK/cp.txt")" io.charter.CharterApplication)
		H2_JAR=$(tr ':' '\n' <"$WORK/cp.txt" | grep -m1 '/h2-[0-9.]*\.jar$')
	fi
}

charter_cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
	if [[ ${KEEP:-0} == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}

# A private PostgreSQL for one run: PG_BIN (the newest installed), pg_start <dir> [prefix...] with
# its data in <dir>/pg on 127.0.0.1:$PG_PORT, fsync on as installed, and an empty database
# "charter"; the prefix runs the server under a command (e.g. nice -n 5). pg_stop stops it (call it
# from the script's clean-up); psql_ runs SQL in "charter".
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PG_DIR=

pg_start() {
	local dir=$1
	shift
	chown postgres: "$dir"
	(cd "$dir" && runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/pg" --auth=trust -U postgres --encoding=UTF8 \
		--locale=C.UTF-8 >"$dir/initdb.log" 2>&1)
	(cd "$dir" && "$@" runuser -u postgres -- "$PG_BIN/pg_ctl" -w -D "$dir/pg" -l "$dir/pg.log" \
		-o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$dir -c max_connections=200 -c shared_buffers=256MB" \
		start >/dev/null)
	PG_DIR=$dir
	"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres charter
}

pg_stop() {
	[[ -n $PG_DIR ]] || return 0
	(cd "$PG_DIR" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/pg" -m fast -w stop >/dev/null)
	PG_DIR=
}

psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d charter -v ON_ERROR_STOP=1 -qAt "$@"; }

# A work directory $TMP under /var/tmp named after $1 (PostgreSQL's data goes in it) and, at exit,
# Charter ($APP_PID, when a script set it) and PostgreSQL stopped and the directory removed.
pg_workspace() {
	TMP=$(mktemp -d "/var/tmp/$1.XXXXXX")
	APP_PID=
	trap pg_cleanup EXIT
}

pg_cleanup() {
	set +e
	[[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	pg_stop
	rm -rf "$TMP"
}
