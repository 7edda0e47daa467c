package io.charter.identity;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.charter.platform.BaseUrl;
import io.charter.platform.Secrets;
import io.charter.platform.StartupWork;

/**
 * First start: creates the administrator from {@code CHARTER_ADMIN_EMAIL} and
 * {@code CHARTER_ADMIN_PASSWORD}, or prints a one-time setup link that works once, while no
 * administrator exists. The log is the link's only copy: the database keeps its hash, so the link
 * works on every instance of a cluster, and only the one printed last.
 *
 * <p>The password's hash is slow on purpose (bcrypt), so on a first start it runs on a thread of its
 * own, started before the other start-up runners (the consent catalogue's seed), which run meanwhile
 * on the main thread. The application is ready only once it is done: readiness waits for it, and
 * whatever it threw fails the start, as when it ran on the main thread.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final IdentityManagement identity;
	private final IdentitySettings settings;
	private final BaseUrl baseUrl;
	private final MessageSource messages;
	private volatile StartupWork done = StartupWork.NONE;

	FirstAdmin(IdentityManagement identity, IdentitySettings settings, BaseUrl baseUrl, MessageSource messages) {
		this.messages = messages;
		this.identity = identity;
		this.settings = settings;
		this.baseUrl = baseUrl;
	}

	@Override
	public void run(ApplicationArguments args) {
		done = StartupWork.begin("first-admin", this::createOrOpenSetup);
	}

	/** Before readiness (published after every ready listener): waits for the administrator; throws what it threw. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void awaitFirstAdmin() {
		done.await();
	}

	void createOrOpenSetup() {
		if (identity.hasAdministrator()) {
			return;
		}
		if (hasText(settings.adminEmail()) && hasText(settings.adminPassword())) {
			try {
				identity.createFirstAdmin(settings.adminEmail(), "Administrator", settings.adminPassword());
				log.info("First administrator created from CHARTER_ADMIN_EMAIL");
				return;
			}
			catch (InvalidUserChange e) {
				log.error("CHARTER_ADMIN_EMAIL/CHARTER_ADMIN_PASSWORD not used: {}",
						messages.getMessage(e.refusal(), Locale.ENGLISH));
			}
		}
		String secret = Secrets.generate();
		identity.openSetup(secret);
		// On purpose, and the only line that prints a secret: whoever reads the log at first start installs Charter.
		log.warn("No administrator yet. Create one with this one-time link: {}/setup?token={}", baseUrl, secret);
	}

	/** True while no administrator exists and the secret is that of the setup link printed last. */
	boolean accepts(String secret) {
		return identity.setupUsable(secret);
	}

	private static boolean hasText(String s) {
		return s != null && !s.isBlank();
	}
}
