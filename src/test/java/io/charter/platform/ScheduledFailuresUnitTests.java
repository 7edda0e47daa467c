package io.charter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledFailuresUnitTests {

	final ScheduledFailures failures = new ScheduledFailures();

	/** Stands for a scheduled job that reads the database, run by a thread as the scheduler does. */
	static final class OutboxJob implements Runnable {

		@Override
		public void run() {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
		}
	}

	@Test
	void anOutageIsOneWarnLineNamingTheJobWithoutItsStackTrace(CapturedOutput output) throws Exception {
		FutureTask<Void> run = new FutureTask<>(new OutboxJob(), null);
		Thread scheduler = new Thread(run);
		scheduler.start();
		scheduler.join();
		try {
			run.get();
		}
		catch (ExecutionException e) {
			failures.handleError(e.getCause());
		}
		assertThat(output.getAll().lines().filter(line -> !line.isBlank()))
				.singleElement().satisfies(line -> assertThat(line).contains("WARN")
						.contains("ScheduledFailuresUnitTests$OutboxJob.run did not run")
						.contains("the database is unreachable (org.springframework.jdbc.CannotGetJdbcConnectionException)"));
	}

	@Test
	void anyOtherFailureKeepsItsStackTrace(CapturedOutput output) {
		failures.handleError(new IllegalStateException("a bug"));
		assertThat(output.getAll()).contains("ERROR").contains("a bug").contains("\tat ");
	}
}
