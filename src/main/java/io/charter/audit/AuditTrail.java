package io.charter.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.AuditableEvent;

/**
 * Appends every auditable event to the chain, after the change that caused it committed (the
 * event publication registry retries until it is recorded), and verifies the chain.
 */
@Service
public class AuditTrail {

	private static final int BATCH = 1000;

	private final AuditEntries entries;
	private final Clock clock;

	AuditTrail(AuditEntries entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AuditableEvent event) {
		record(event);
	}

	@Transactional
	public AuditEntry record(AuditableEvent event) {
		AuditEntries.Head head = entries.lockHead();
		long seq = head.lastSeq() + 1;
		Instant at = (event.occurredAt() == null ? clock.instant() : event.occurredAt()).truncatedTo(ChronoUnit.MICROS);
		String actor = cut(event.actor() == null ? "system" : event.actor(), 200);
		String action = cut(event.action(), 100);
		String type = cut(event.entityType(), 100);
		String id = event.entityId() == null ? null : cut(event.entityId(), 100);
		String summary = cut(event.summary() == null ? "" : event.summary(), 2000);
		String hash = AuditChain.hash(head.lastHash(), seq, at, actor, action, type, id, summary);
		AuditEntry entry = new AuditEntry(seq, at, actor, action, type, id, summary, head.lastHash(), hash);
		entries.append(entry);
		return entry;
	}

	/** Walks the whole chain; reports the first entry that does not match its hash or its predecessor. */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		String prev = AuditChain.GENESIS;
		long expected = 1;
		long checked = 0;
		List<AuditEntry> batch = entries.after(0, BATCH);
		while (!batch.isEmpty()) {
			for (AuditEntry e : batch) {
				if (e.seq() != expected || !e.prevHash().equals(prev) || !AuditChain.hash(e).equals(e.hash())) {
					return new ChainVerification(false, checked, expected == e.seq() ? e.seq() : expected);
				}
				prev = e.hash();
				expected++;
				checked++;
			}
			batch = entries.after(batch.get(batch.size() - 1).seq(), BATCH);
		}
		AuditEntries.Head head = entries.head();
		if (head.lastSeq() != checked || !head.lastHash().equals(prev)) {
			// Entries were removed from the end.
			return new ChainVerification(false, checked, checked + 1);
		}
		return new ChainVerification(true, checked, null);
	}

	List<AuditEntry> search(AuditFilter filter, int page, int size) {
		return entries.search(filter, page * size, size);
	}

	long count(AuditFilter filter) {
		return entries.count(filter);
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
