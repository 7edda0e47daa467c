package io.charter.notify;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.shared.Attention;
import io.charter.shared.Role;

/**
 * The dashboard's warning that no SMTP server is configured: every message is then held in the
 * outbox, so staff must not take "sent" for delivered. ADMIN configures mail and PRIVACY writes the
 * letters; no link, as PRIVACY cannot open the outbox and the setting is made where Charter runs.
 */
@Component
class MailAttention implements Attention {

	private final Smtp smtp;

	MailAttention(Smtp smtp) {
		this.smtp = smtp;
	}

	@Override
	public List<Notice> notices() {
		return smtp.configured() ? List.of()
				: List.of(new Notice("notify.attention.no-smtp", List.of(), null, Severity.WARNING,
						Set.of(Role.ADMIN, Role.PRIVACY)));
	}
}
