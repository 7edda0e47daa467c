package io.charter.people.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The SCIM credentials page: the credentials (never their secrets), and the secret of the one just
 * issued, shown on that answer only.
 *
 * @param name the name typed, kept when it was refused
 * @param failure message key of the refusal, or null
 */
public record ScimCredentialsView(List<Row> credentials, String issuedName, String issuedSecret, String name,
		String failure, String notice) {

	/** A credential as listed. */
	public record Row(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
	}
}
