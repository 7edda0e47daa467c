package io.charter.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.Fixtures;
import io.charter.MovableClock;
import io.charter.consent.DeclarationVersions;
import io.charter.identity.IdentityManagement;
import io.charter.notify.Notifications;
import io.charter.platform.BaseUrl;
import io.charter.shared.Role;

/**
 * Two instances: one was stopped (or killed) during a scan, the other runs one of its own and keeps
 * saying so. Another instance, some minutes later, marks only the first interrupted, with a reason the
 * privacy team reads, and the site can be scanned again.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class ScanInterruptionTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	Scans scans;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	DeclarationVersions declarations;
	@Autowired
	ScannerSettings settings;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	Notifications notifications;
	@Autowired
	IdentityManagement identity;
	@Autowired
	BaseUrl baseUrl;

	UUID running(String site, Instant at) {
		UUID id = UUID.randomUUID();
		scans.insert(new Scan(id, site, Scan.Status.RUNNING, "user:" + site, at, null, 3, 12, null, 0, 0, null));
		return id;
	}

	Scan.Status status(UUID id) {
		return scans.find(id).orElseThrow().status();
	}

	@Test
	void aScanWhoseInstanceStoppedIsMarkedInterruptedAndAnotherInstancesLiveScanIsLeftAlone() throws Exception {
		MovableClock clock = new MovableClock();
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		clock.set(start);
		String site = "stopped-" + UUID.randomUUID().toString().substring(0, 8);
		UUID orphan = running(site, start);
		UUID alive = running(site + "-live", start);
		// Silence set to ten minutes (charter.scanner.silent-after), past the default three.
		Duration silence = Duration.ofMinutes(10);
		ScannerSettings slow = new ScannerSettings(settings.chromium(), settings.chromedriver(), settings.maxPages(),
				settings.maxDuration(), settings.pageTimeout(), settings.maxPageSize(), settings.browserMemory(),
				settings.maxPageTransfer(), settings.allowPrivateAddresses(), settings.allowedPrivateAddresses(),
				Duration.ofMinutes(1), silence);
		ScanRuns later = new ScanRuns(scans, declarations, slow, transactions, events, notifications, identity,
				baseUrl, clock);
		try {
			clock.advance(Duration.ofMinutes(5));
			scans.beat(alive, clock.instant());
			later.interruptSilent();
			assertThat(status(orphan)).as("a scan that beat five minutes ago may still run").isEqualTo(Scan.Status.RUNNING);

			clock.advance(silence.minusMinutes(5));
			scans.beat(alive, clock.instant());
			clock.advance(Duration.ofMinutes(1));
			later.interruptSilent();

			Scan interrupted = scans.find(orphan).orElseThrow();
			assertThat(interrupted.status()).isEqualTo(Scan.Status.INTERRUPTED);
			assertThat(interrupted.finishedAt()).isEqualTo(clock.instant());
			assertThat(interrupted.failure()).contains("instance running it stopped");
			assertThat(status(alive)).isEqualTo(Scan.Status.RUNNING);
			assertThat(later.current()).isEmpty();

			var privacy = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
			assertThat(Fixtures.page(mvc, privacy, "/scanner/scans/" + orphan)).contains(
					"Interrupted: the instance running it stopped", "the instance running it stopped before it ended");
		}
		finally {
			later.destroy();
			jdbc.sql("delete from scan where id in (:ids)").param("ids", java.util.List.of(orphan, alive)).update();
		}
	}

	@Test
	void theSilenceMustBeMoreThanTwoHeartbeats() {
		var binder = new org.springframework.boot.context.properties.bind.Binder(
				new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(java.util.Map.of(
						"charter.scanner.heartbeat", "1m", "charter.scanner.silent-after", "2m")));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> binder.bind("charter.scanner", ScannerSettings.class))
				.hasRootCauseMessage("charter.scanner.silent-after (PT2M) must be more than twice charter.scanner.heartbeat (PT1M)");
		var defaults = new org.springframework.boot.context.properties.bind.Binder(
				new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(java.util.Map.of(
						"charter.scanner.max-pages", "5"))).bind("charter.scanner", ScannerSettings.class).get();
		assertThat(defaults.heartbeat()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.silentAfter()).isEqualTo(Duration.ofMinutes(3));
	}

	@Test
	void theInstanceRunningAScanSaysItIsAlive() {
		MovableClock clock = new MovableClock();
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		clock.set(start);
		UUID id = running("beating-" + UUID.randomUUID().toString().substring(0, 8), start);
		clock.advance(Duration.ofMinutes(10));
		scans.beat(id, clock.instant());
		try {
			assertThat(scans.interrupt(clock.instant(), clock.instant().minus(settings.silentAfter()))).isZero();
			assertThat(status(id)).isEqualTo(Scan.Status.RUNNING);
		}
		finally {
			jdbc.sql("delete from scan where id = :id").param("id", id).update();
		}
	}
}
