package io.charter.policies;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.notify.Mail;
import io.charter.notify.Notifications;
import io.charter.notify.OneTimeLink;
import io.charter.notify.OneTimeLinkIssuer;
import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.platform.BaseUrl;
import io.charter.platform.LinkState;
import io.charter.platform.OneTimeLinks;
import io.charter.shared.Duty;

/**
 * Reminds every active person who has not acknowledged the current version of a policy, with a
 * one-click link to the acknowledgement page. The link's subject is the person; while it is usable
 * (its lifetime is the reminder interval) nobody is reminded again, so the links are the record of
 * who was reminded when.
 */
@Component
class PolicyReminders implements OneTimeLinkIssuer {

	static final OneTimeLinks.Purpose ACKNOWLEDGE = new OneTimeLinks.Purpose("policies.acknowledge");

	private final PolicyDuties duties;
	private final Directory directory;
	private final OneTimeLinks links;
	private final Notifications notifications;
	private final BaseUrl baseUrl;
	private final PolicySettings settings;
	private final Clock clock;
	private final ZoneId zone;

	PolicyReminders(PolicyDuties duties, Directory directory, OneTimeLinks links, Notifications notifications,
			BaseUrl baseUrl, PolicySettings settings, Clock clock,
			@Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.duties = duties;
		this.directory = directory;
		this.links = links;
		this.notifications = notifications;
		this.baseUrl = baseUrl;
		this.settings = settings;
		this.clock = clock;
		this.zone = zone;
	}

	/** Sends the reminders due now to every active person; how many. */
	@Transactional
	int sendDue() {
		return remind(directory.active(null));
	}

	/** Reminds those of these people who have a policy to acknowledge and no usable reminder yet. */
	@Transactional
	int remind(List<PersonSummary> people) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Map<UUID, PersonSummary> byId = new java.util.HashMap<>();
		people.forEach(p -> byId.put(p.id(), p));
		int sent = 0;
		for (PolicyDuty duty : duties.policyDuties()) {
			String documentId = duty.document().id();
			Map<UUID, Duty.Standing> standings = duty.standings(byId.keySet(), today);
			List<UUID> waiting = standings.entrySet().stream().filter(e -> e.getValue().state() != Duty.State.DONE)
					.map(Map.Entry::getKey).toList();
			Set<UUID> reminded = links.withUsableLink(ACKNOWLEDGE, waiting.stream().map(id -> subject(documentId, id)).toList());
			for (UUID id : waiting) {
				UUID subject = subject(documentId, id);
				if (reminded.contains(subject)) {
					continue;
				}
				PersonSummary person = byId.get(id);
				String secret = links.issue(ACKNOWLEDGE, subject, settings.remindEvery());
				String lang = person.language() == null ? "en" : person.language();
				OneTimeLink link = new OneTimeLink(baseUrl.to(duty.actionPath() + "/r/" + secret + "?lang=" + lang), secret);
				Duty.Standing standing = standings.get(id);
				notifications.send(new Mail(person.email(), "policy-reminder", lang,
						Map.of("name", person.name(), "due", standing.dueBy().toString(), "policy",
								duty.document().title(Locale.forLanguageTag(lang))),
						Map.of("link", link)));
				sent++;
			}
		}
		return sent;
	}

	/**
	 * The subject of a person's reminder link for a document: the person for the shipped document (as
	 * its links always were), a name-based id of the document and person for any other, so that each
	 * document is reminded on its own interval rather than one usable link holding back the others.
	 */
	static UUID subject(String documentId, UUID person) {
		return PolicyDuties.WORK_BEHAVIORS.equals(documentId) ? person
				: UUID.nameUUIDFromBytes((ACKNOWLEDGE.name() + ":" + documentId + ":" + person)
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Override
	public Map<String, LinkState> states(Set<String> secretHashes) {
		return links.states(List.of(ACKNOWLEDGE), secretHashes);
	}
}
