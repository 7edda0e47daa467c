package io.charter.consent;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consent module's public paths (banner resources, consent writes) and the database they must
 * not wait for. They learn that it is out of reach from a failure that says so (no connection, a
 * broken or silent one), answer 503 at once while it is, and {@link #answers()} tells the group
 * commit when it is back. Their transactions give up on a connection that stops answering after a
 * time ({@link #transactions}): without that a database behind a dead network keeps a thread
 * waiting until TCP gives up, a quarter of an hour later.
 */
@Component
public class DatabaseWatch {

	private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

	private final DataSource dataSource;
	private final int probeSeconds;
	private volatile boolean down;

	DatabaseWatch(DataSource dataSource, ConsentLogSettings settings) {
		this.dataSource = dataSource;
		this.probeSeconds = (int) Math.max(1, settings.lookupTimeout().toSeconds());
	}

	/** True from a failure that showed the database out of reach until it answers again. */
	public boolean down() {
		return down;
	}

	/**
	 * Notes a failed database call; true when it showed the database out of reach (rather than a
	 * statement the database refused), which is then remembered until {@link #answered()}.
	 */
	public boolean failed(Throwable failure) {
		if (!isOutage(failure)) {
			return false;
		}
		markDown(failure.toString());
		return true;
	}

	/**
	 * The database is out of reach. The pool's connections are dropped (those in use when they come
	 * back): they are broken, silent or, with H2 after a file error, to a database that was closed,
	 * and would otherwise be handed out again one by one, each failing or timing out in turn.
	 */
	public void markDown(String why) {
		if (!down) {
			down = true;
			log.warn("The database is out of reach ({}): banner resources are served from memory and consent writes"
					+ " answered 503 until it answers again", why);
			try {
				if (dataSource.isWrapperFor(HikariDataSource.class)) {
					HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
					if (pool != null) {
						pool.softEvictConnections();
					}
				}
			}
			catch (SQLException | RuntimeException notAPool) {
				// nothing to drop
			}
		}
	}

	/** A call went through: the database is back. */
	public void answered() {
		if (down) {
			down = false;
			log.info("The database answers again");
		}
	}

	/** Whether a connection answers within the probe time ({@code lookup-timeout}, at least a second). */
	public boolean answers() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(probeSeconds);
		}
		catch (SQLException | RuntimeException unreachable) {
			return false;
		}
	}

	/**
	 * Transactions in which every wait for the database is bounded: a new connection's statements and
	 * commit give up after {@code networkTimeout} (JDBC network timeout; the pool restores the
	 * connection's own when it gets it back). Each opens a transaction of its own.
	 */
	public TransactionTemplate transactions(Duration networkTimeout, boolean readOnly) {
		int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, networkTimeout.toMillis()));
		DataSourceTransactionManager bounded = new DataSourceTransactionManager(dataSource) {
			@Override
			protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
					throws SQLException {
				super.prepareTransactionalConnection(connection, definition);
				connection.setNetworkTimeout(Runnable::run, millis);
			}
		};
		TransactionTemplate template = new TransactionTemplate(bounded);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		template.setReadOnly(readOnly);
		return template;
	}

	/**
	 * A failure that says the database cannot be reached or stopped answering: no connection in time,
	 * a broken or timed-out connection, a transaction that could not begin or end. Refused statements
	 * (constraints, bad values) are not.
	 */
	public static boolean isOutage(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
					|| t instanceof QueryTimeoutException || t instanceof RecoverableDataAccessException
					|| t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof SQLRecoverableException
					|| t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}
}
