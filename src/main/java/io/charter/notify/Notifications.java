package io.charter.notify;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends messages through a transactional outbox: the message is stored in the caller's transaction,
 * so it goes out if and only if the change that caused it commits. Without SMTP it is held in the
 * outbox, where administrators can read it.
 */
@Service
public class Notifications {

	private final Outbox outbox;
	private final MailTemplates templates;
	private final Smtp smtp;
	private final OutboxTrigger trigger;
	private final Clock clock;

	Notifications(Outbox outbox, MailTemplates templates, Smtp smtp, OutboxTrigger trigger,
			Clock clock) {
		this.outbox = outbox;
		this.templates = templates;
		this.smtp = smtp;
		this.trigger = trigger;
		this.clock = clock;
	}

	public void send(Mail mail) {
		if (mail.to() == null || !mail.to().contains("@")) {
			throw new IllegalArgumentException("A message needs a recipient address");
		}
		MailTemplates.Rendered rendered = templates.render(mail.template(), mail.language(), mail.params());
		boolean configured = smtp.configured();
		outbox.insert(new OutboxMessage(UUID.randomUUID(), clock.instant(), mail.to(), rendered.subject(),
				rendered.body(), mail.template(), rendered.language(), configured ? "PENDING" : "HELD", 0, null, null));
		if (configured) {
			afterCommit(trigger::dispatchSoon);
		}
	}

	/** Whether SMTP is configured; otherwise messages are held in the outbox. */
	public boolean smtpConfigured() {
		return smtp.configured();
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}
}
