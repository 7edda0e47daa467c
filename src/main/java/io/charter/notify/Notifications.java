package io.charter.notify;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.charter.organisation.Organisation;

/**
 * Sends messages through a transactional outbox: the message is stored in the caller's transaction,
 * so it goes out if and only if the change that caused it commits. Without SMTP it is held in the
 * outbox, where administrators and auditors can read it, its one-time links masked.
 */
@Service
public class Notifications {

	private final Outbox outbox;
	private final MailTemplates templates;
	private final Smtp smtp;
	private final OutboxTrigger trigger;
	private final Clock clock;
	private final OutboxReading reading;
	private final Organisation organisation;
	private final NotifySettings settings;

	Notifications(Outbox outbox, MailTemplates templates, Smtp smtp, OutboxTrigger trigger,
			Clock clock, OutboxReading reading, Organisation organisation, NotifySettings settings) {
		this.organisation = organisation;
		this.settings = settings;
		this.reading = reading;
		this.outbox = outbox;
		this.templates = templates;
		this.smtp = smtp;
		this.trigger = trigger;
		this.clock = clock;
	}

	/**
	 * Stores the message for sending (or holds it without SMTP).
	 *
	 * @return the message's id, by which its sender can later ask what became of it ({@link #messages})
	 */
	public UUID send(Mail mail) {
		if (mail.to() == null || !mail.to().contains("@")) {
			throw new IllegalArgumentException("A message needs a recipient address");
		}
		MailTemplates.Rendered rendered = templates.render(mail.template(), mail.language(), mail.params(), mail.links());
		boolean configured = smtp.configured();
		// In the order of their names, so the outbox lists a message's links the same way every time.
		List<OneTimeLink> links = new TreeMap<>(mail.links()).values().stream().toList();
		UUID id = UUID.randomUUID();
		outbox.insert(id, clock.instant(), mail.to(), mail.template(), rendered, configured ? "PENDING" : "HELD", links);
		outbox.attach(id, mail.attachments());
		if (configured) {
			afterCommit(trigger::dispatchSoon);
		}
		return id;
	}

	/**
	 * Messages this caller sent, by the ids {@link #send} returned, as readers of the outbox see
	 * them: their delivery state, and their text with one-time links masked. Oldest first; messages
	 * already purged from the outbox are missing. The caller decides who may read them.
	 */
	public List<OutboxMessage> messages(Collection<UUID> ids) {
		return reading.withIds(ids);
	}

	/** The address messages are sent from: the organisation's sender, else {@code charter.notify.from}. */
	public String senderAddress() {
		return organisation.profile().senderEmail().orElse(settings.from());
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
