package io.charter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Completed event publications go after their retention; incomplete ones stay to be republished. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class CompletedEventsTests {

	@Autowired
	CompletedEvents purge;
	@Autowired
	JdbcClient jdbc;

	UUID publication(Instant published, Instant completed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status)
				values (:id, 'test.listener', 'test.Event', '{}', :published, :completed, :status)""")
				.param("id", id).param("published", published.atOffset(ZoneOffset.UTC))
				.param("completed", completed == null ? null : completed.atOffset(ZoneOffset.UTC))
				.param("status", completed == null ? "PUBLISHED" : "COMPLETED").update();
		return id;
	}

	boolean exists(UUID id) {
		return jdbc.sql("select count(*) from event_publication where id = :id").param("id", id).query(Long.class)
				.single() == 1;
	}

	@Test
	void deletesCompletedPublicationsPastTheirRetentionOnly() {
		Instant now = Instant.now();
		UUID old = publication(now.minus(9, ChronoUnit.DAYS), now.minus(8, ChronoUnit.DAYS));
		UUID recent = publication(now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
		UUID outstanding = publication(now.minus(30, ChronoUnit.DAYS), null);

		purge.purge();

		assertThat(exists(old)).isFalse();
		assertThat(exists(recent)).isTrue();
		assertThat(exists(outstanding)).isTrue();
		assertThat(jdbc.sql("select outcome from job_run where job = :job order by started_at desc limit 1")
				.param("job", CompletedEvents.JOB).query(String.class).single()).isEqualTo("deleted completed publications older than PT168H");
	}
}
