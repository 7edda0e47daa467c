package io.charter.people.scim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.scim.ScimCredentialEvent.CredentialIssued;
import io.charter.people.scim.ScimCredentialEvent.CredentialRevoked;
import io.charter.platform.Secrets;
import io.charter.shared.Actors;
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

	/**
	 * How long a verified secret is trusted without asking the database again. An identity provider
	 * sends bursts of requests with one secret; a revocation on another node of a cluster takes
	 * effect within this time (on the node that revokes, at once).
	 */
	static final Duration VERIFIED_FOR = Duration.ofSeconds(10);

	private record Verified(ScimStore.Credential credential, Instant until) {
	}

	private final ScimStore store;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	/** By secret hash: only secrets of live credentials, so it holds at most one entry per credential. */
	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	ScimCredentials(ScimStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
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
		events.publishEvent(new CredentialIssued(credential.id(), "issued SCIM credential " + credential.name(),
				Actors.current(), credential.createdAt()));
		return new Issued(credential, secret);
	}

	@Transactional(readOnly = true)
	List<ScimStore.Credential> list() {
		return store.credentials();
	}

	@Transactional
	void revoke(UUID id) {
		Instant now = clock.instant();
		ScimStore.Credential credential = store.credentials().stream().filter(c -> c.id().equals(id)).findFirst()
				.orElseThrow(() -> new NotFound("No SCIM credential " + id));
		verified.values().removeIf(v -> v.credential().id().equals(id));
		if (store.revokeCredential(id, now)) {
			events.publishEvent(new CredentialRevoked(id, "revoked SCIM credential " + credential.name(),
					Actors.current(), now));
		}
	}

	/**
	 * The live credential of a secret; its last use is recorded at most once a minute. A secret
	 * verified in the last {@link #VERIFIED_FOR} is not looked up again, and no transaction is
	 * opened for it (a lookup and the rare last-use update need none).
	 */
	Optional<ScimStore.Credential> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || !Secrets.wellFormed(secret.substring(PREFIX.length()))) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		String hash = Secrets.hash(secret);
		Verified known = verified.get(hash);
		if (known != null && now.isBefore(known.until())) {
			return Optional.of(known.credential());
		}
		verified.remove(hash);
		Optional<ScimStore.Credential> found = store.credentialByHash(hash).filter(c -> c.revokedAt() == null);
		found.filter(c -> c.lastUsedAt() == null || c.lastUsedAt().isBefore(now.minusSeconds(60)))
				.ifPresent(c -> store.markUsed(c.id(), now));
		found.ifPresent(c -> verified.put(hash, new Verified(c, now.plus(VERIFIED_FOR))));
		return found;
	}
}
