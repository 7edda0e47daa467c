package io.charter.identity;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * First start: creates the administrator from {@code CHARTER_ADMIN_EMAIL} and
 * {@code CHARTER_ADMIN_PASSWORD}, or prints a one-time setup link that works while no
 * administrator exists.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final IdentityManagement identity;
	private final IdentitySettings settings;
	private final String baseUrl;
	private volatile String setupSecret;

	FirstAdmin(IdentityManagement identity, IdentitySettings settings, @Value("${charter.base-url}") String baseUrl) {
		this.identity = identity;
		this.settings = settings;
		this.baseUrl = baseUrl;
	}

	@Override
	public void run(ApplicationArguments args) {
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
				log.error("CHARTER_ADMIN_EMAIL/CHARTER_ADMIN_PASSWORD not used: {}", e.getMessage());
			}
		}
		setupSecret = Secrets.generate("");
		log.warn("No administrator yet. Create one with this one-time link: {}/setup?token={}", baseUrl, setupSecret);
	}

	/** True while no administrator exists and the secret is the one printed at start. */
	boolean accepts(String secret) {
		String expected = setupSecret;
		return expected != null && secret != null
				&& MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))
				&& !identity.hasAdministrator();
	}

	void used() {
		setupSecret = null;
	}

	private static boolean hasText(String s) {
		return s != null && !s.isBlank();
	}
}
