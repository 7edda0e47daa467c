package io.charter.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Times to and from {@code timestamp with time zone} columns, always in UTC: the same values on H2
 * and PostgreSQL whatever the server's or the JVM's zone. Every repository converts through here.
 */
public final class Utc {

	private Utc() {
	}

	/** The parameter value of an instant; null stays null. */
	public static OffsetDateTime odt(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** The instant of a column; null when the column is null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** The instant of a column by its position (from 1); null when the column is null. */
	public static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
