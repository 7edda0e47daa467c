package io.charter.organisation;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.platform.Utc;

/** The {@code organisation_question} table: the seeded questions and the admin's confirmations. */
@Repository
class Questions {

	/** A question with a row: a seeded one, or an empty field the admin confirmed. */
	record Row(String question, String note, boolean answered) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	Questions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Row> all() {
		return jdbc.sql("select question, note, answered_at from organisation_question order by question")
				.query((rs, n) -> new Row(rs.getString("question"), rs.getString("note"), rs.getObject("answered_at") != null))
				.list();
	}

	/** Marks an existing question answered; false when it has no row or was answered already. */
	boolean answer(String question, String actor) {
		return jdbc.sql("""
				update organisation_question set answered_by = :actor, answered_at = :at
				where question = :question and answered_at is null
				""").param("question", question).param("actor", actor).param("at", Utc.odt(clock.instant()))
				.update() == 1;
	}

	/** Records the answer to a question that had no row (an empty field confirmed as empty). */
	void insertAnswered(String question, String actor) {
		jdbc.sql("""
				insert into organisation_question (question, answered_by, answered_at) values (:question, :actor, :at)
				""").param("question", question).param("actor", actor).param("at", Utc.odt(clock.instant()))
				.update();
	}
}
