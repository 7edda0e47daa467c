package io.charter.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.charter.organisation.Organisation;
import io.charter.organisation.OrganisationProfile;
import io.charter.platform.JobRuns;

/**
 * Sends pending outbox messages over SMTP. Locked per cluster, so with several instances on one
 * database each message is sent by one of them only.
 */
@Component
class OutboxDispatcher {

	static final String JOB = "notify.outbox-dispatch";
	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final Outbox outbox;
	private final Smtp smtp;
	private final NotifySettings settings;
	private final Clock clock;
	private final JobRuns runs;
	private final Organisation organisation;

	OutboxDispatcher(Outbox outbox, Smtp smtp, NotifySettings settings, Clock clock, JobRuns runs,
			Organisation organisation) {
		this.outbox = outbox;
		this.smtp = smtp;
		this.settings = settings;
		this.clock = clock;
		this.runs = runs;
		this.organisation = organisation;
	}

	@EventListener(ApplicationReadyEvent.class)
	void releaseHeldMessages() {
		if (smtp.configured()) {
			int released = outbox.releaseHeld();
			if (released > 0) {
				log.info("SMTP is configured: {} held message(s) queued for sending", released);
			}
		}
	}

	@Scheduled(fixedDelayString = "${charter.notify.dispatch-interval:10s}", initialDelayString = "5s")
	@SchedulerLock(name = JOB, lockAtLeastFor = "PT1S", lockAtMostFor = "PT5M")
	public void dispatch() {
		JavaMailSender sender = smtp.sender().orElse(null);
		if (sender == null) {
			return;
		}
		Instant started = clock.instant();
		int sent = 0;
		int failed = 0;
		OrganisationProfile profile = organisation.profile();
		String fromAddress = profile.senderEmail().orElse(settings.from());
		String fromName = profile.senderName().orElse(null);
		for (Outbox.Outgoing message : outbox.pending(200)) {
			try {
				MimeMessage mime = sender.createMimeMessage();
				List<Mail.Attachment> attachments = outbox.attachmentsOf(message.id());
				MimeMessageHelper helper = new MimeMessageHelper(mime, !attachments.isEmpty(), "UTF-8");
				if (fromName == null) {
					helper.setFrom(fromAddress);
				}
				else {
					helper.setFrom(fromAddress, fromName);
				}
				helper.setTo(message.recipient());
				helper.setSubject(message.subject());
				helper.setText(message.text(), false);
				for (Mail.Attachment a : attachments) {
					helper.addAttachment(a.filename(), new ByteArrayResource(a.content()), a.contentType());
				}
				sender.send(mime);
				outbox.markSent(message.id(), clock.instant());
				sent++;
			}
			catch (Exception e) {
				failed++;
				boolean giveUp = message.attempts() + 1 >= settings.maxAttempts();
				outbox.markFailed(message.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), giveUp);
				log.warn("Sending outbox message {} failed (attempt {}): {}", message.id(), message.attempts() + 1,
						e.getClass().getSimpleName());
			}
		}
		runs.record(JOB, started, "sent " + sent + ", failed " + failed);
	}

	@Scheduled(cron = "${charter.notify.purge-cron:0 17 3 * * *}")
	@SchedulerLock(name = "notify.outbox-purge", lockAtMostFor = "PT30M")
	public void purge() {
		int purged = outbox.purgeBefore(clock.instant().minus(settings.outboxRetention()));
		if (purged > 0) {
			log.info("Purged {} outbox message(s) past retention", purged);
		}
	}
}
