package io.charter.platform;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of scheduled-job runs (table {@code job_run}): which instance ran which job, when,
 * and what it did. Every module's jobs record their runs here, so operators read one table.
 */
@Component
public class JobRuns {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	JobRuns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a run that ends now.
	 *
	 * @param outcome what it did, in counts and states: no personal data
	 */
	public void record(String job, Instant started, String outcome) {
		jdbc.sql("""
				insert into job_run (id, job, instance, started_at, finished_at, outcome)
				values (:id, :job, :instance, :started, :finished, :outcome)""")
				.param("id", UUID.randomUUID()).param("job", job).param("instance", instance)
				.param("started", Utc.odt(started))
				.param("finished", Utc.odt(clock.instant())).param("outcome", outcome).update();
	}
}
