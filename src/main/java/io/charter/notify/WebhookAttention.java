package io.charter.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.shared.Attention;
import io.charter.shared.Role;

/**
 * Webhook deliveries given up in the last week: the receiver never got them, so whoever watches it
 * must learn of them another way. Shown to ADMIN, who configures receivers, and SECURITY, whose
 * alerts they mostly are; the log names the endpoint and the error.
 */
@Component
class WebhookAttention implements Attention {

	private final WebhookDeliveries deliveries;
	private final Clock clock;

	WebhookAttention(WebhookDeliveries deliveries, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@Override
	public List<Notice> notices() {
		int gaveUp = deliveries.gaveUpSince(clock.instant().minus(Duration.ofDays(7)));
		return gaveUp == 0 ? List.of()
				: List.of(new Notice("notify.attention.webhooks-failed", List.of(gaveUp), null, Severity.WARNING,
						Set.of(Role.ADMIN, Role.SECURITY)));
	}
}
