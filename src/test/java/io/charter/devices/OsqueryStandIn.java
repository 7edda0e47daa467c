package io.charter.devices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device as osquery would answer a check's query: osquery's SQL is SQLite, so the query runs in
 * SQLite over plain tables declared with the columns and types of osquery's schema (osquery.io/schema;
 * {@code mdm_bridge} is Fleet's fleetd table, {@code mdm} the macadmins extension's). The tables are
 * filled from a made-up machine: its files, its registry values and rows of any other table as that
 * table would report them (a plist's values as osquery's {@code plist} table flattens them: the
 * top-level key, the path below it in {@code subkey}, list items by index).
 *
 * <p>{@code yara} is generated the way osquery's table does it (osquery/tables/yara/yara.cpp): for each
 * scan of the query (a {@code path} = or LIKE constraint with a {@code sigrule}), every regular file
 * the path names (LIKE: {@code %} within one directory, {@code %%} at any depth) is scanned with the
 * rules and gives one row, {@code count} 0 and {@code matches} empty when no rule matched, the
 * matching rule names joined by commas otherwise; a path that does not exist gives no row. The rules
 * are the subset of YARA the shipped checks use: regular-expression strings (flags {@code s}, {@code i})
 * and the conditions {@code $x}, {@code all of them}, {@code any of them}; anything else is refused, so a
 * check written beyond it fails its test rather than being read wrongly.
 */
final class OsqueryStandIn {

	private static final String SCHEMA = """
			create table yara (path text, matches text, count integer, sig_group text, sigfile text, sigrule text,
			  strings text, tags text, sigurl text);
			create table file (path text, directory text, filename text, inode bigint, uid bigint, gid bigint,
			  mode text, device bigint, size bigint, block_size integer, atime bigint, mtime bigint, ctime bigint,
			  btime bigint, hard_links integer, symlink integer, type text);
			create table registry (key text, path text, name text, type text, data text, mtime bigint);
			create table managed_policies (domain text, uuid text, name text, value text, username text, manual integer);
			create table disk_encryption (name text, uuid text, encrypted integer, type text, encryption_status text,
			  uid text, user_uuid text, filevault_status text);
			create table bitlocker_info (device_id text, drive_letter text, persistent_volume_id text,
			  conversion_status integer, protection_status integer, encryption_method text, version integer,
			  percentage_encrypted integer, lock_status integer);
			create table mounts (device text, device_alias text, path text, type text, blocks_size bigint, blocks bigint,
			  blocks_free bigint, blocks_available bigint, inodes bigint, inodes_free bigint, flags text);
			create table kernel_modules (name text, size text, used_by text, status text, address text);
			create table plist (key text, subkey text, value text, path text);
			create table mdm (enrolled text, server_url text, checkin_url text, access_rights text, install_date text,
			  payload_identifier text, topic text, sign_message text, identity_certificate_uuid text,
			  has_scep_payload text, installed_from_dep text, user_approved text, dep_capable text);
			create table mdm_bridge (enrolled_user text, enrollment_status text, mdm_command_input text,
			  mdm_command_output text, raw_mdm_command_output text);
			""";

	private static final Pattern SCAN = Pattern
		.compile("FROM yara WHERE path (=|LIKE) '([^']*)' AND sigrule = '((?:[^']|'')*)'");
	private static final Pattern RULE = Pattern
		.compile("\\s*rule (\\w+) \\{ strings: (.*?) condition: (\\$\\w+|all of them|any of them) \\}");
	private static final Pattern STRING = Pattern.compile("\\s*\\$(\\w+) = /((?:\\\\.|[^\\\\/])*)/([is]*)");

	private record File(String content, long mtime) {
	}

	private record Value(String path, String type, String data) {
	}

	private record Row(String table, Map<String, String> values) {
	}

	private final Map<String, File> files = new LinkedHashMap<>();
	private final List<Value> registry = new ArrayList<>();
	private final List<Row> rows = new ArrayList<>();

	/** A regular file (its folders exist with it). */
	OsqueryStandIn file(String path, String content, long mtime) {
		files.put(path, new File(content, mtime));
		return this;
	}

	OsqueryStandIn withoutFile(String path) {
		files.remove(path);
		return this;
	}

	/** A registry value, by its full path (key and value name) as osquery's {@code registry.path}. */
	OsqueryStandIn registry(String path, String type, String data) {
		registry.add(new Value(path, type, data));
		return this;
	}

	/** A row of a table the machine reports, by column name and value: {@code row("mdm", "enrolled", "true")}. */
	OsqueryStandIn row(String table, String... columnsAndValues) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			values.put(columnsAndValues[i], columnsAndValues[i + 1]);
		}
		rows.add(new Row(table, values));
		return this;
	}

	/** Whether the check passes on this machine: its query returns at least one row. */
	boolean passes(String query) {
		try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
			for (String table : SCHEMA.split(";")) {
				if (!table.isBlank()) {
					db.createStatement().execute(table);
				}
			}
			fileRows(db);
			registryRows(db);
			otherRows(db);
			yaraRows(db, query);
			try (PreparedStatement s = db.prepareStatement(query); ResultSet rows = s.executeQuery()) {
				return rows.next();
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("The query does not run in SQLite: " + e.getMessage(), e);
		}
	}

	private void fileRows(Connection db) throws SQLException {
		Map<String, Long> folders = new LinkedHashMap<>();
		files.forEach((path, f) -> {
			for (int i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
				// A folder was last written when its first file was put in it.
				folders.merge(path.substring(0, i), f.mtime(), Math::min);
			}
		});
		try (PreparedStatement s = db.prepareStatement(
				"insert into file (path, directory, filename, size, mtime, type) values (?, ?, ?, ?, ?, ?)")) {
			for (var f : files.entrySet()) {
				insertFile(s, f.getKey(), f.getValue().content().length(), f.getValue().mtime(), "regular");
			}
			for (var d : folders.entrySet()) {
				insertFile(s, d.getKey(), 4096, d.getValue(), "directory");
			}
		}
	}

	private static void insertFile(PreparedStatement s, String path, long size, long mtime, String type)
			throws SQLException {
		s.setString(1, path);
		s.setString(2, path.substring(0, Math.max(1, path.lastIndexOf('/'))));
		s.setString(3, path.substring(path.lastIndexOf('/') + 1));
		s.setLong(4, size);
		s.setLong(5, mtime);
		s.setString(6, type);
		s.executeUpdate();
	}

	private void registryRows(Connection db) throws SQLException {
		try (PreparedStatement s = db
			.prepareStatement("insert into registry (key, path, name, type, data) values (?, ?, ?, ?, ?)")) {
			for (Value v : registry) {
				int slash = v.path().lastIndexOf('\\');
				s.setString(1, v.path().substring(0, slash));
				s.setString(2, v.path());
				s.setString(3, v.path().substring(slash + 1));
				s.setString(4, v.type());
				s.setString(5, v.data());
				s.executeUpdate();
			}
		}
	}

	private void otherRows(Connection db) throws SQLException {
		for (Row row : rows) {
			String sql = "insert into " + row.table() + " (" + String.join(", ", row.values().keySet()) + ") values ("
					+ String.join(", ", row.values().keySet().stream().map(c -> "?").toList()) + ")";
			try (PreparedStatement s = db.prepareStatement(sql)) {
				int i = 1;
				for (String value : row.values().values()) {
					s.setString(i++, value);
				}
				s.executeUpdate();
			}
		}
	}

	private void yaraRows(Connection db, String query) throws SQLException {
		Matcher scans = SCAN.matcher(query);
		int count = 0;
		try (PreparedStatement s = db
			.prepareStatement("insert into yara (path, matches, count, sigrule) values (?, ?, ?, ?)")) {
			while (scans.find()) {
				count++;
				String rules = scans.group(3).replace("''", "'");
				for (String path : paths(scans.group(1), scans.group(2))) {
					List<String> matched = matches(rules, files.get(path).content());
					s.setString(1, path);
					s.setString(2, String.join(",", matched));
					s.setInt(3, matched.size());
					s.setString(4, rules);
					s.executeUpdate();
				}
			}
		}
		int tables = query.split("FROM yara", -1).length - 1;
		if (count != tables) {
			throw new IllegalArgumentException("Each yara scan must read FROM yara WHERE path =|LIKE '...' AND sigrule = '...'");
		}
	}

	/** The regular files a yara {@code path} constraint names, as osquery resolves it. */
	private TreeSet<String> paths(String operator, String pattern) {
		TreeSet<String> found = new TreeSet<>();
		if (operator.equals("=")) {
			if (files.containsKey(pattern)) {
				found.add(pattern);
			}
			return found;
		}
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++) {
			if (pattern.startsWith("%%", i)) {
				regex.append(".*");
				i++;
			}
			else if (pattern.charAt(i) == '%') {
				regex.append("[^/]*");
			}
			else {
				regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
			}
		}
		Pattern glob = Pattern.compile(regex.toString());
		files.keySet().stream().filter(p -> glob.matcher(p).matches()).forEach(found::add);
		return found;
	}

	/** The names of the rules that match the content, in the rules' order. */
	static List<String> matches(String rules, String content) {
		List<String> matched = new ArrayList<>();
		Matcher rule = RULE.matcher(rules);
		int end = 0;
		while (rule.find() && rule.start() == end) {
			end = rule.end();
			Map<String, Boolean> found = new LinkedHashMap<>();
			Matcher string = STRING.matcher(rule.group(2));
			int at = 0;
			while (string.find() && string.start() == at) {
				at = string.end();
				found.put(string.group(1), java(string.group(2), string.group(3)).matcher(content).find());
			}
			if (at != rule.group(2).length() || found.isEmpty()) {
				throw new IllegalArgumentException("Strings beyond the stand-in's YARA: " + rule.group(2));
			}
			String condition = rule.group(3);
			boolean matches = switch (condition) {
				case "all of them" -> !found.containsValue(false);
				case "any of them" -> found.containsValue(true);
				default -> {
					Boolean one = found.get(condition.substring(1));
					if (one == null) {
						throw new IllegalArgumentException("No string " + condition);
					}
					yield one;
				}
			};
			if (matches) {
				matched.add(rule.group(1));
			}
		}
		if (end != rules.length()) {
			throw new IllegalArgumentException("Rules beyond the stand-in's YARA: " + rules.substring(end));
		}
		return matched;
	}

	/**
	 * A YARA regular expression as Java's: {@code .} stops only at a newline (UNIX_LINES), and YARA's
	 * {@code $} is the end of the file only, which is Java's {@code \z}.
	 */
	static Pattern java(String yara, String flags) {
		StringBuilder java = new StringBuilder();
		boolean inClass = false;
		for (int i = 0; i < yara.length(); i++) {
			char c = yara.charAt(i);
			if (c == '\\') {
				java.append(c).append(yara.charAt(++i));
			}
			else if (c == '[' && !inClass) {
				inClass = true;
				java.append(c);
				// A ] right after [ or [^ belongs to the class.
				if (yara.startsWith("^]", i + 1) || yara.startsWith("]", i + 1)) {
					int n = yara.charAt(i + 1) == '^' ? 2 : 1;
					java.append(yara, i + 1, i + 1 + n);
					i += n;
				}
			}
			else if (c == ']' && inClass) {
				inClass = false;
				java.append(c);
			}
			else if (c == '$' && !inClass) {
				java.append("\\z");
			}
			else {
				java.append(c);
			}
		}
		int f = Pattern.UNIX_LINES | (flags.contains("s") ? Pattern.DOTALL : 0)
				| (flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
		return Pattern.compile(java.toString(), f);
	}
}
