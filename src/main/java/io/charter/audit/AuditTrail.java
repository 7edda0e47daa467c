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
	private final CheckpointKey key;
	private final CheckpointFile lines;
	private final Clock clock;

	AuditTrail(AuditEntries entries, CheckpointKey key, CheckpointFile lines, Clock clock) {
		this.entries = entries;
		this.key = key;
		this.lines = lines;
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

	/**
	 * Walks the whole chain; reports the first entry that does not match its hash or its
	 * predecessor. A database writer can rewrite entries and recompute every hash after them, and
	 * this still passes: only {@link #verify(AuditCheckpoint)} catches that.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		return walk(null);
	}

	/**
	 * Walks the whole chain and checks it against a checkpoint published earlier: the checkpoint
	 * must be signed with this installation's key, and the chain must be intact up to its entry,
	 * which must still have the anchored hash.
	 *
	 * @throws CheckpointRefused when the checkpoint is not signed with the key
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify(AuditCheckpoint checkpoint) {
		if (!key.signed(checkpoint)) {
			throw new CheckpointRefused(CheckpointRefused.Reason.UNSIGNED);
		}
		return walk(checkpoint);
	}

	/**
	 * {@link #verify()} when no checkpoint line is given, else {@link #verify(AuditCheckpoint)}
	 * against the line as the checkpoint file holds it.
	 *
	 * @throws CheckpointRefused when the line is not a checkpoint, or not one signed with the key
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify(String checkpointLine) {
		if (checkpointLine == null || checkpointLine.isBlank()) {
			return verify();
		}
		return verify(lines.read(checkpointLine)
				.orElseThrow(() -> new CheckpointRefused(CheckpointRefused.Reason.MALFORMED)));
	}

	/**
	 * The chain as it stood at this instant: intact from the first entry to the last one recorded
	 * before it, and that entry's hash. What evidence of a closed period quotes: later entries do not
	 * change it, so the same period's package is the same every time it is built.
	 */
	@Transactional(readOnly = true)
	public ChainAt verifyUntil(Instant end) {
		AuditEntries.Head head = entries.lastBefore(end);
		return new ChainAt(walk(null, head), head.lastHash());
	}

	/**
	 * @param verification the walk of the entries up to the instant
	 * @param hash the hash of the last of them (64 zeros when there were none)
	 */
	public record ChainAt(ChainVerification verification, String hash) {
	}

	/** The hash of the last entry recorded: what an evidence package quotes beside the verification. */
	@Transactional(readOnly = true)
	public String headHash() {
		return entries.head().lastHash();
	}

	private ChainVerification walk(AuditCheckpoint anchor) {
		// The head first: entries appended while the walk runs are after it and not part of this check.
		return walk(anchor, entries.head());
	}

	private ChainVerification walk(AuditCheckpoint anchor, AuditEntries.Head head) {
		CheckpointMatch match = anchor == null ? CheckpointMatch.NOT_GIVEN : CheckpointMatch.MISMATCHED;
		String prev = AuditChain.GENESIS;
		long expected = 1;
		long checked = 0;
		List<AuditEntry> batch = entries.after(0, head.lastSeq(), BATCH);
		while (!batch.isEmpty()) {
			for (AuditEntry e : batch) {
				if (e.seq() != expected || !e.prevHash().equals(prev) || !AuditChain.hash(e).equals(e.hash())) {
					return new ChainVerification(false, checked, expected == e.seq() ? e.seq() : expected, match);
				}
				if (anchor != null && e.seq() == anchor.seq()) {
					if (!e.hash().equals(anchor.hash())) {
						// Rewritten with every later hash recomputed: consistent, but not what was anchored.
						return new ChainVerification(false, checked, e.seq(), CheckpointMatch.MISMATCHED);
					}
					match = CheckpointMatch.MATCHED;
				}
				prev = e.hash();
				expected++;
				checked++;
			}
			batch = entries.after(batch.get(batch.size() - 1).seq(), head.lastSeq(), BATCH);
		}
		if (head.lastSeq() != checked || !head.lastHash().equals(prev)) {
			// Entries were removed from the end.
			return new ChainVerification(false, checked, checked + 1, match);
		}
		if (anchor != null && anchor.seq() > checked) {
			// The chain ends before the checkpoint's entry: its tail was removed, head and all.
			return new ChainVerification(false, checked, checked + 1, CheckpointMatch.MISMATCHED);
		}
		return new ChainVerification(match != CheckpointMatch.MISMATCHED, checked, null, match);
	}

	List<AuditEntry> search(AuditFilter filter, int page, int size) {
		return entries.search(filter, (long) page * size, size);
	}

	long count(AuditFilter filter) {
		return entries.count(filter);
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
