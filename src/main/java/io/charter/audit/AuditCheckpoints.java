package io.charter.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes checkpoints of the audit chain outside the database, once per cluster at a time: every
 * {@code charter.audit.checkpoint-interval}, when entries were added since the last checkpoint of
 * the file, a checkpoint of the last entry is appended to the checkpoint file and, when one is
 * configured, posted to the webhook. A chain that no longer agrees with the file's last checkpoint
 * gets no new one: that would vouch for the rewritten entries.
 */
@Component
class AuditCheckpoints {

	static final String JOB = "audit.checkpoint";
	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private final AuditEntries entries;
	private final AuditTrail trail;
	private final CheckpointKey key;
	private final CheckpointFile file;
	private final CheckpointWebhook webhook;
	private final Clock clock;

	AuditCheckpoints(AuditEntries entries, AuditTrail trail, CheckpointKey key, CheckpointFile file,
			CheckpointWebhook webhook, Clock clock) {
		this.entries = entries;
		this.trail = trail;
		this.key = key;
		this.file = file;
		this.webhook = webhook;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${charter.audit.checkpoint-interval:1h}", initialDelayString = "1m")
	@SchedulerLock(name = JOB, lockAtMostFor = "PT30M")
	public void publish() {
		try {
			publishIfMoved();
		}
		catch (RuntimeException e) {
			log.error("No audit checkpoint was published: {}", e.getMessage());
		}
	}

	/** The checkpoint published; empty when the chain did not move, or does not verify. */
	Optional<AuditCheckpoint> publishIfMoved() {
		Optional<AuditCheckpoint> previous = file.latest();
		if (previous.isPresent() && !key.signed(previous.get())) {
			log.warn("The last checkpoint in {} is not signed with the current checkpoint key; it is left out", file.path());
			previous = Optional.empty();
		}
		AuditEntries.Head head = entries.head();
		if (head.lastSeq() == 0 || previous.map(p -> p.seq() >= head.lastSeq()).orElse(false)) {
			return Optional.empty();
		}
		ChainVerification chain = previous.map(trail::verify).orElseGet(trail::verify);
		if (!chain.valid()) {
			log.error("The audit chain does not verify (first invalid entry {}, last checkpoint {}): no checkpoint is "
					+ "published over it", chain.firstInvalid(), previous.map(p -> "at entry " + p.seq()).orElse("none"));
			return Optional.empty();
		}
		AuditEntry last = entries.at(head.lastSeq()).orElseThrow();
		AuditCheckpoint checkpoint = key.sign(last.seq(), last.hash(), clock.instant().truncatedTo(ChronoUnit.MICROS));
		file.append(checkpoint);
		if (webhook.configured()) {
			try {
				webhook.deliver(file.line(checkpoint));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (Exception e) {
				// Not retried: the next checkpoint covers these entries and the ones after them.
				log.warn("The audit checkpoint at entry {} was not delivered to the webhook: {}", last.seq(), e.getMessage());
			}
		}
		log.info("Audit checkpoint at entry {} appended to {}", last.seq(), file.path());
		return Optional.of(checkpoint);
	}
}
