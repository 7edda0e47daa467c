package io.charter.audit;

/**
 * An entry as the audit page shows it.
 *
 * @param actorName the actor's name for those who may see it; null when no module knows it (system,
 *        an erased account), and the page shows the pseudonymous id
 * @param link the page of what the entry is about; null when its type has none
 */
public record AuditLine(AuditEntry entry, String actorName, String link) {

	/** Whether the actor acted through an API token ({@code user:<uuid>/token:<uuid>}). */
	public boolean throughToken() {
		return entry.actor() != null && entry.actor().contains("/token:");
	}
}
