package io.charter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.charter.MovableClock;

/** The links of user_link and rights_link survive their move into one_time_link, used or not. */
class OneTimeLinkMigrationTests {

	@Test
	void everyLinkOfBothOldTablesIsReadThroughOneTimeLinks() {
		JdbcDataSource db = new JdbcDataSource();
		db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		db.setUser("sa");
		Flyway.configure().dataSource(db).locations("classpath:db/migration").target(before(db)).load().migrate();
		JdbcClient jdbc = JdbcClient.create(db);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		UUID user = UUID.randomUUID();
		UUID request = UUID.randomUUID();
		String invitation = Secrets.generate();
		String verification = Secrets.generate();
		String withdrawal = Secrets.generate();
		// The subjects themselves do not matter here, only that every column of the links is carried over.
		jdbc.sql("set referential_integrity false").update();
		old(jdbc, "user_link", "user_id", user, "INVITE", invitation, now, null);
		old(jdbc, "rights_link", "request_id", request, "VERIFY", verification, now, now.minusSeconds(60));
		old(jdbc, "rights_link", "request_id", request, "WITHDRAW", withdrawal, now, null);
		jdbc.sql("set referential_integrity true").update();

		Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

		MovableClock clock = new MovableClock();
		clock.set(now);
		OneTimeLinks links = new OneTimeLinks(jdbc, clock);
		assertThat(links.usableSubject(new OneTimeLinks.Purpose("identity.invite"), invitation)).contains(user);
		assertThat(links.subject(new OneTimeLinks.Purpose("rights.withdraw"), withdrawal)).contains(request);
		assertThat(links.usableSubject(new OneTimeLinks.Purpose("rights.verify"), verification)).as("used").isEmpty();
		assertThat(links.states(List.of(new OneTimeLinks.Purpose("rights.verify")), Set.of(Secrets.hash(verification))))
				.isEqualTo(Map.of(Secrets.hash(verification), LinkState.USED));
		assertThat(jdbc.sql("select created_at from one_time_link where token_hash = :h").param("h", Secrets.hash(invitation))
				.query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(now.minusSeconds(3600));
		assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name in ('user_link', 'rights_link')")
				.query(Long.class).single()).isZero();
	}

	/** The last migration before this one, whichever module's it is. */
	private static MigrationVersion before(JdbcDataSource db) {
		MigrationVersion merge = MigrationVersion.fromVersion("2026.12.07.1100");
		return Arrays.stream(Flyway.configure().dataSource(db).locations("classpath:db/migration").load().info().all())
				.map(MigrationInfo::getVersion).filter(v -> merge.isNewerThan(v.getVersion()))
				.max(MigrationVersion::compareTo).orElseThrow();
	}

	private static void old(JdbcClient jdbc, String table, String subjectColumn, UUID subject, String purpose, String secret,
			Instant now, Instant usedAt) {
		jdbc.sql("insert into " + table + " (id, " + subjectColumn + ", purpose, token_hash, created_at, expires_at, used_at)"
				+ " values (:id, :subject, :purpose, :hash, :created, :expires, :used)")
				.param("id", UUID.randomUUID()).param("subject", subject).param("purpose", purpose)
				.param("hash", Secrets.hash(secret)).param("created", now.minusSeconds(3600).atOffset(ZoneOffset.UTC))
				.param("expires", now.plusSeconds(3600).atOffset(ZoneOffset.UTC))
				.param("used", usedAt == null ? null : usedAt.atOffset(ZoneOffset.UTC)).update();
	}
}
