package io.charter.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.charter.platform.Utc;
import io.charter.shared.control.EvidenceRows;

/** A policy's evidence rows: who acknowledged which version when, within the period. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PolicyEvidenceTests {

	@Autowired
	PolicyControls controls;
	@Autowired
	JdbcClient jdbc;

	@Test
	void theAcknowledgementsOfThePeriodWithTheTextTheySaw() {
		UUID person = UUID.randomUUID();
		jdbc.sql("""
				insert into person (id, name, email, kind, status, language, created_at, updated_at)
				values (:id, 'Ada Acknowledger', :email, 'EMPLOYEE', 'ACTIVE', 'en', current_timestamp, current_timestamp)""")
				.param("id", person).param("email", io.charter.Fixtures.uniqueEmail("ack")).update();
		String sha = jdbc.sql("select sha256 from policy_version where document_id = 'work-behaviors' and number = 1")
				.query(String.class).single();
		jdbc.sql("""
				insert into policy_acknowledgement (id, document_id, version, person_id, text_sha256, acknowledged_at)
				values (:id, 'work-behaviors', 1, :person, :sha, :at)""").param("id", UUID.randomUUID())
				.param("person", person).param("sha", sha).param("at", Utc.odt(Instant.parse("2019-06-10T12:00:00Z")))
				.update();

		EvidenceRows rows = controls.evidence("policy-acknowledged-work-behaviors", LocalDate.of(2019, 6, 1),
				LocalDate.of(2019, 6, 30)).orElseThrow();

		assertThat(rows.header()).containsExactly("acknowledged_at", "version", "text_sha256", "person_id");
		assertThat(rows.rows()).filteredOn(r -> r.get(3).equals(person.toString()))
				.containsExactly(java.util.List.of("2019-06-10T12:00:00Z", "1", sha, person.toString()));
		assertThat(rows.rows().toString()).doesNotContain("Ada");
		assertThat(controls.evidence("policy-acknowledged-work-behaviors", LocalDate.of(2019, 7, 1),
				LocalDate.of(2019, 7, 31)).orElseThrow().rows()).noneMatch(r -> r.get(3).equals(person.toString()));
		assertThat(controls.evidence("training-12-months", LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 30)))
				.isEmpty();
	}

	@Autowired
	Acknowledgements acknowledgements;

	/** Asked for more people than one query names, the latest acknowledgements are the same as asked one by one. */
	@Test
	void theLatestAcknowledgementsOfManyPeopleAreThoseOfEachAlone() {
		UUID person = UUID.randomUUID();
		jdbc.sql("""
				insert into person (id, name, email, kind, status, language, created_at, updated_at)
				values (:id, 'Lars Latest', :email, 'EMPLOYEE', 'ACTIVE', 'en', current_timestamp, current_timestamp)""")
				.param("id", person).param("email", io.charter.Fixtures.uniqueEmail("latest")).update();
		String sha = jdbc.sql("select sha256 from policy_version where document_id = 'work-behaviors' and number = 1")
				.query(String.class).single();
		acknowledgements.record("work-behaviors", 1, person, sha, Instant.parse("2019-06-11T12:00:00Z"));

		java.util.List<UUID> many = new java.util.ArrayList<>(java.util.stream.Stream.generate(UUID::randomUUID)
				.limit(Acknowledgements.CHUNK + 5).toList());
		many.add(person);
		var alone = acknowledgements.latest("work-behaviors", java.util.List.of(person));
		var together = acknowledgements.latest("work-behaviors", many);
		assertThat(alone).containsOnlyKeys(person);
		assertThat(together).containsOnlyKeys(person).isEqualTo(alone);
		assertThat(together.get(person).version()).isEqualTo(1);
	}
}
