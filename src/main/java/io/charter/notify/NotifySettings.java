package io.charter.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code charter.notify.*}.
 *
 * @param from sender address of e-mails
 * @param outboxRetention how long sent and held messages are kept (they may contain one-time links)
 * @param maxAttempts SMTP attempts before a message is marked FAILED
 */
@ConfigurationProperties("charter.notify")
record NotifySettings(@DefaultValue("charter@localhost") String from, @DefaultValue("30d") Duration outboxRetention,
		@DefaultValue("5") int maxAttempts) {
}
