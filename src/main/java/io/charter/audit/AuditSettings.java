package io.charter.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code charter.audit.*}: checkpoints that anchor the audit chain outside the database.
 *
 * @param checkpointKey the HMAC-SHA256 key of checkpoints, 32+ characters; when not set, the key
 *        is read from {@code checkpointKeyFile}, which is created at the first start. Never stored
 *        in the database.
 * @param checkpointKeyFile where the key is kept when {@code checkpointKey} is not set (owner-only
 *        permissions)
 * @param checkpointDirectory where checkpoints are appended, one JSON line each, to
 *        {@code audit-checkpoints.jsonl}
 * @param checkpointInterval how often a checkpoint is made, when entries were added since the last one
 * @param checkpointWebhook optional http(s) address that also receives each checkpoint (a signed POST)
 * @param checkpointWebhookSecret the webhook's HMAC-SHA256 secret, 32+ characters (not the checkpoint key)
 */
@ConfigurationProperties("charter.audit")
record AuditSettings(String checkpointKey, @DefaultValue("data/audit-checkpoint.key") Path checkpointKeyFile,
		@DefaultValue("data/audit-checkpoints") Path checkpointDirectory,
		@DefaultValue("1h") Duration checkpointInterval, URI checkpointWebhook, String checkpointWebhookSecret) {

	static final int MIN_SECRET = 32;

	AuditSettings {
		if (checkpointKey != null && checkpointKey.isBlank()) {
			checkpointKey = null;
		}
		if (checkpointKey != null && checkpointKey.strip().length() < MIN_SECRET) {
			throw new IllegalArgumentException("charter.audit.checkpoint-key needs " + MIN_SECRET + "+ characters");
		}
		if (checkpointWebhook != null && checkpointWebhook.toString().isBlank()) {
			checkpointWebhook = null;
		}
		if (checkpointWebhook != null) {
			if (!("http".equals(checkpointWebhook.getScheme()) || "https".equals(checkpointWebhook.getScheme()))) {
				throw new IllegalArgumentException("charter.audit.checkpoint-webhook must be http(s)");
			}
			if (checkpointWebhookSecret == null || checkpointWebhookSecret.length() < MIN_SECRET) {
				throw new IllegalArgumentException(
						"charter.audit.checkpoint-webhook-secret needs " + MIN_SECRET + "+ characters");
			}
		}
		if (checkpointInterval.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("charter.audit.checkpoint-interval must be at least 1 minute");
		}
	}
}
