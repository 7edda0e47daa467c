package io.charter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.Concurrently;
import io.charter.MovableClock;

/** A one-time link works once and until it expires, whoever races for it; only its hash is stored. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class OneTimeLinksTests {

	static final OneTimeLinks.Purpose TEST = new OneTimeLinks.Purpose("test.act");
	static final OneTimeLinks.Purpose OTHER = new OneTimeLinks.Purpose("test.other");

	@Autowired
	JdbcClient jdbc;
	@Autowired
	PlatformTransactionManager transactions;

	final MovableClock clock = new MovableClock();

	OneTimeLinks links() {
		return new OneTimeLinks(jdbc, clock);
	}

	@Test
	void aLinkOpensItsSubjectOnceAndOnlyForItsPurpose() {
		OneTimeLinks links = links();
		UUID subject = UUID.randomUUID();
		String secret = links.issue(TEST, subject, Duration.ofHours(1));

		assertThat(jdbc.sql("select count(*) from one_time_link where token_hash = :s").param("s", secret)
				.query(Long.class).single()).as("the secret itself is never stored").isZero();
		assertThat(links.usableSubject(OTHER, secret)).isEmpty();
		assertThat(links.consume(OTHER, secret)).isFalse();
		assertThat(links.usableSubject(TEST, secret)).contains(subject);
		assertThat(links.issued(TEST, subject)).isTrue();

		assertThat(links.consume(TEST, secret)).isTrue();
		assertThat(links.consume(TEST, secret)).isFalse();
		assertThat(links.usableSubject(TEST, secret)).isEmpty();
		assertThat(links.subject(TEST, secret)).as("a second click still finds what it opened").contains(subject);
		assertThat(links.usableSubject(TEST, "not-a-secret")).isEmpty();
	}

	@Test
	void anExpiredLinkIsRefusedAndTheStatesTellLiveUsedAndExpired() {
		OneTimeLinks links = links();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		clock.set(now);
		String used = links.issue(TEST, UUID.randomUUID(), Duration.ofHours(1));
		String expiring = links.issue(TEST, UUID.randomUUID(), Duration.ofMinutes(10));
		String live = links.issue(TEST, UUID.randomUUID(), Duration.ofHours(1));
		String otherPurpose = links.issue(OTHER, UUID.randomUUID(), Duration.ofHours(1));
		assertThat(links.consume(TEST, used)).isTrue();

		clock.set(now.plus(Duration.ofMinutes(10)));

		assertThat(links.usableSubject(TEST, expiring)).isEmpty();
		assertThat(links.subject(TEST, expiring)).isEmpty();
		assertThat(links.consume(TEST, expiring)).isFalse();
		Map<String, LinkState> states = links.states(List.of(TEST),
				Set.of(Secrets.hash(used), Secrets.hash(expiring), Secrets.hash(live), Secrets.hash(otherPurpose), "unknown"));
		assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of(Secrets.hash(used), LinkState.USED,
				Secrets.hash(expiring), LinkState.EXPIRED, Secrets.hash(live), LinkState.LIVE));
	}

	@Test
	void replacedLinksExpireOrCountAsUsedAndErasureDeletesThem() {
		OneTimeLinks links = links();
		clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		UUID subject = UUID.randomUUID();
		UUID another = UUID.randomUUID();
		String expired = links.issue(TEST, subject, Duration.ofHours(1));
		assertThat(links.expireUnused(TEST, subject)).isEqualTo(1);
		String usedUp = links.issue(TEST, another, Duration.ofHours(1));
		assertThat(links.useUpUnused(TEST, another)).isEqualTo(1);
		links.issue(TEST, subject, Duration.ofHours(1));
		String kept = links.issue(OTHER, subject, Duration.ofHours(1));

		assertThat(links.states(List.of(TEST), Set.of(Secrets.hash(expired), Secrets.hash(usedUp))))
				.containsExactlyInAnyOrderEntriesOf(Map.of(Secrets.hash(expired), LinkState.EXPIRED,
						Secrets.hash(usedUp), LinkState.USED));

		assertThat(links.delete(TEST, subject)).isEqualTo(2);
		assertThat(links.issued(TEST, another)).isTrue();
		assertThat(links.issued(TEST, subject)).isFalse();
		assertThat(links.usableSubject(OTHER, kept)).contains(subject);
	}

	@Test
	void ofSimultaneousUsesExactlyOneWins() throws Exception {
		OneTimeLinks links = links();
		String secret = links.issue(TEST, UUID.randomUUID(), Duration.ofHours(1));
		TransactionTemplate tx = new TransactionTemplate(transactions);

		List<Object> outcomes = Concurrently.run(6, i -> tx.execute(status -> {
			boolean won = links.consume(TEST, secret);
			// The winner holds its claim a while, as a caller doing its work in the same transaction would.
			sleep(won ? 200 : 0);
			return won;
		}));

		assertThat(outcomes).containsOnly(true, false);
		assertThat(outcomes.stream().filter(Boolean.TRUE::equals).count()).isEqualTo(1);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
