package io.charter.notify;

/**
 * A receiver of signed webhooks, declared as a bean by the module that calls out. Read at every
 * attempt, so a changed address or key applies to deliveries still waiting.
 */
public interface WebhookEndpoint {

	/** A short, stable name, stored with each delivery: lower-case letters, digits and hyphens. */
	String name();

	/** Where deliveries are posted; blank when none is configured (nothing is then stored). */
	String url();

	/** The key of the {@link io.charter.shared.WebhookSignature}. */
	String secret();

	default boolean configured() {
		return url() != null && !url().isBlank();
	}
}
