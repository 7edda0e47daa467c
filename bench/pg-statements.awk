# The reads a PostgreSQL log holds, one file each in directory `dir`, with their parameters written in
# (sourced by bench/compliance-evidence.sh). The log was written with log_min_duration_statement = 0
# and log_line_prefix = '@@ ': an "execute" entry holds the statement (its further lines follow
# unprefixed), the DETAIL line after it its parameters ($1 = 'a', $2 = NULL, quotes doubled inside).

function flush(    f) {
	# Reads only: a "for update" belongs to a write another thread (a job, the audit trail) was making.
	if (sql != "" && tolower(sql) ~ /^[ \t\n]*(select|with)/ && tolower(sql) !~ /for update/) {
		f = dir "/" sprintf("%03d", ++n) ".sql"
		print bind(sql, params) ";" > f
		close(f)
	}
	sql = ""
	params = ""
}

# Each placeholder ($1, $12) replaced by its value, scanning once so that $1 never touches $12.
function bind(text, p,    vals, k, v, c, i, out) {
	while (match(p, /\$[0-9]+ = /)) {
		k = substr(p, RSTART + 1, RLENGTH - 4) + 0
		p = substr(p, RSTART + RLENGTH)
		if (substr(p, 1, 1) == "'") {
			v = "'"
			for (i = 2; ; i++) {
				c = substr(p, i, 1)
				if (c == "'" && substr(p, i + 1, 1) == "'") { v = v "''"; i++ }
				else if (c == "'" || c == "") { v = v "'"; break }
				else v = v c
			}
			p = substr(p, i + 1)
		}
		else {
			v = p
			sub(/,.*/, "", v)
			p = substr(p, length(v) + 1)
		}
		vals[k] = v
	}
	out = ""
	while (match(text, /\$[0-9]+/)) {
		out = out substr(text, 1, RSTART - 1) vals[substr(text, RSTART + 1, RLENGTH - 1) + 0]
		text = substr(text, RSTART + RLENGTH)
	}
	return out text
}

/^@@ LOG:  duration: [0-9.]+ ms  execute [^:]*: / {
	flush()
	sql = $0
	sub(/^@@ LOG:  duration: [0-9.]+ ms  execute [^:]*: /, "", sql)
	next
}
/^@@ DETAIL:  [Pp]arameters: / && sql != "" {
	params = $0
	sub(/^@@ DETAIL:  [Pp]arameters: /, "", params)
	next
}
/^@@ / { flush(); next }
sql != "" { sql = sql "\n" $0 }
END { flush() }
