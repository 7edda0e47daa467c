package io.charter.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.charter.platform.LinkState;

/**
 * The outbox as its readers see it: the latest messages, their one-time links masked and marked
 * with what their issuers say became of them. An issuer that fails leaves its links unmarked, not
 * the page broken.
 */
@Component
class OutboxReading {

	private static final Logger log = LoggerFactory.getLogger(OutboxReading.class);

	private final Outbox outbox;
	// Resolved on use: the issuers are other modules' beans, which depend on notify, not the reverse.
	private final ObjectProvider<OneTimeLinkIssuer> issuers;

	OutboxReading(Outbox outbox, ObjectProvider<OneTimeLinkIssuer> issuers) {
		this.outbox = outbox;
		this.issuers = issuers;
	}

	// No surrounding transaction: on PostgreSQL an issuer's failed query would abort it for the others.
	List<OutboxMessage> latest(OutboxSearch search, int limit) {
		return withLinks(outbox.latest(search, limit));
	}

	/** The templates of the messages kept, for the filter. */
	List<String> templates() {
		return outbox.templates();
	}

	/** Some messages, oldest first (their senders keep their ids); purged ones are missing. */
	List<OutboxMessage> withIds(Collection<UUID> ids) {
		return withLinks(outbox.withIds(ids));
	}

	private List<OutboxMessage> withLinks(List<OutboxMessage> messages) {
		List<Outbox.StoredLink> links = outbox.linksOf(messages.stream().map(OutboxMessage::id).toList());
		Map<String, LinkState> states = states(links);
		Map<UUID, List<OutboxMessage.Link>> byMessage = new HashMap<>();
		for (Outbox.StoredLink link : links) {
			byMessage.computeIfAbsent(link.messageId(), id -> new ArrayList<>())
					.add(new OutboxMessage.Link(link.address(), states.get(link.secretHash())));
		}
		return messages.stream().map(m -> m.withLinks(byMessage.getOrDefault(m.id(), List.of()))).toList();
	}

	private Map<String, LinkState> states(List<Outbox.StoredLink> links) {
		Set<String> hashes = new LinkedHashSet<>();
		links.forEach(l -> hashes.add(l.secretHash()));
		Map<String, LinkState> states = new HashMap<>();
		if (hashes.isEmpty()) {
			return states;
		}
		issuers.orderedStream().forEach(issuer -> {
			try {
				states.putAll(issuer.states(Set.copyOf(hashes)));
			}
			catch (RuntimeException e) {
				log.warn("{} could not tell the state of its one-time links: {}", issuer.getClass().getSimpleName(),
						e.getClass().getSimpleName());
			}
		});
		return states;
	}
}
