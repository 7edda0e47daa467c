package io.charter.people.scim;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.platform.Secrets;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/**
 * The identity providers' bearer credentials. A credential of its own rather than a staff API token
 * with a SCIM role: it belongs to no account (provisioning goes on when the admin who set it up
 * leaves), its {@code scim_} secret is known only to the SCIM chain (the staff API's introspector
 * refuses anything but {@code chr_}), and no staff token is ever looked up here, so neither reaches
 * the other's endpoints.
 */
@Service
class ScimCredentials {

	static final String PREFIX = "scim_";

	/** An issued credential with its secret, shown once. */
	record Issued(ScimStore.Credential credential, String secret) {
	}

	private final ScimStore store;
	private final Clock clock;

	ScimCredentials(ScimStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Transactional
	Issued issue(String name) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new RuleViolation("name", "A credential needs a name of at most 100 characters");
		}
		String secret = Secrets.generate(PREFIX);
		var credential = new ScimStore.Credential(UUID.randomUUID(), name.strip(),
				secret.substring(0, PREFIX.length() + 6), clock.instant(), null, null);
		store.insertCredential(credential, Secrets.hash(secret));
		return new Issued(credential, secret);
	}

	@Transactional(readOnly = true)
	List<ScimStore.Credential> list() {
		return store.credentials();
	}

	@Transactional
	void revoke(UUID id) {
		if (!store.revokeCredential(id, clock.instant())
				&& store.credentials().stream().noneMatch(c -> c.id().equals(id))) {
			throw new NotFound("No SCIM credential " + id);
		}
	}

	/** The live credential of a secret; its last use is recorded at most once a minute. */
	@Transactional
	Optional<ScimStore.Credential> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || !Secrets.wellFormed(secret.substring(PREFIX.length()))) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<ScimStore.Credential> found = store.credentialByHash(Secrets.hash(secret)).filter(c -> c.revokedAt() == null);
		found.filter(c -> c.lastUsedAt() == null || c.lastUsedAt().isBefore(now.minusSeconds(60)))
				.ifPresent(c -> store.markUsed(c.id(), now));
		return found;
	}
}
