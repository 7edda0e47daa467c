package io.charter.platform;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool that a connection is dead when the embedded H2 database closed under it.
 * After a file error (a full or read-only disk) H2 closes the database; its open connections then
 * fail every statement ("The database has been closed", 90098) yet still pass the pool's validity
 * check, so without this they would be handed out again until their maximum lifetime (30 minutes),
 * and Charter would not come back when the disk does. Evicted, they make way for new connections,
 * which open the database again. PostgreSQL's error codes are 0: the pool's own rules apply there.
 * Named by {@code spring.datasource.hikari.exception-override-class-name}; public, with a public
 * constructor, because the pool makes it by reflection.
 */
public final class ClosedDatabaseEviction implements SQLExceptionOverride {

	/** H2: general error (the failed write itself), database closed, database closing. */
	private static final Set<Integer> CLOSED = Set.of(50000, 90098, 90121);

	@java.lang.Override
	public SQLExceptionOverride.Override adjudicate(SQLException failure) {
		return CLOSED.contains(failure.getErrorCode()) ? SQLExceptionOverride.Override.MUST_EVICT
				: SQLExceptionOverride.Override.CONTINUE_EVICT;
	}
}
