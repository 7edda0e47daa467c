package io.charter.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.charter.notify.Mail;
import io.charter.notify.Notifications;
import io.charter.notify.OneTimeLink;
import io.charter.notify.OutboxMessage;
import io.charter.organisation.Organisation;
import io.charter.platform.BaseUrl;
import io.charter.platform.OneTimeLinks;
import io.charter.rights.web.PrivacyNotice;

/**
 * The letters of the workflow, in the requester's language, through the transactional outbox: a
 * letter goes out if and only if the step that caused it commits. Every letter to a requester says
 * how to lodge a complaint with a supervisory authority; while the request is open, it also
 * carries a single-use link to withdraw it. Letters are signed with the organisation's legal name.
 */
@Component
public class Letters {

	static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");

	private final Notifications notifications;
	private final MessageSource messages;
	private final RightsSettings settings;
	private final OneTimeLinks links;
	private final Clock clock;
	private final BaseUrl baseUrl;
	private final Organisation organisation;
	private final RequestLetters letters;

	Letters(Notifications notifications, MessageSource messages, RightsSettings settings, OneTimeLinks links,
			Clock clock, BaseUrl baseUrl, Organisation organisation, RequestLetters letters) {
		this.organisation = organisation;
		this.letters = letters;
		this.notifications = notifications;
		this.messages = messages;
		this.settings = settings;
		this.links = links;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	public static String language(String lang) {
		return lang != null && LANGUAGES.contains(lang) ? lang : "en";
	}

	/** What the public form must tell about the data it collects (GDPR art. 13), in a language. */
	public PrivacyNotice notice(String lang) {
		Locale in = Locale.forLanguageTag(language(lang));
		var profile = organisation.profile();
		String contact = Stream.of(profile.address(in), profile.contactEmail(), profile.dpoContact())
				.flatMap(Optional::stream).collect(Collectors.joining(", "));
		return new PrivacyNotice(profile.legalName(in), contact, retention(lang), complaint(lang));
	}

	/**
	 * How long request data are kept after the request closes ({@code charter.rights.retention}), in
	 * words: whole years, else whole months (30 days), else days.
	 */
	public String retention(String lang) {
		long days = settings.retention().toDays();
		String l = language(lang);
		if (days > 0 && days % 365 == 0) {
			return text("rights.period.years", l, days / 365);
		}
		if (days > 0 && days % 30 == 0) {
			return text("rights.period.months", l, days / 30);
		}
		return text("rights.period.days", l, days);
	}

	/**
	 * The sentence on complaints (GDPR art. 77) that closes every letter and the form: the supervisory
	 * authority as the organisation's profile names it in that language (name, address, website), the
	 * one source for the form, the letters and the declaration; where the profile names none, the
	 * right itself without naming an authority, never one the organisation did not give (the admin
	 * sees the empty authority fields as open questions of the profile).
	 */
	public String complaint(String lang) {
		String l = language(lang);
		return organisation.profile().authorityLine(Locale.forLanguageTag(l))
				.map(authority -> text("rights.complaint", l, authority)).orElseGet(() -> text("rights.complaint.unnamed", l));
	}

	/**
	 * Art. 12(4): the judicial remedy, for refusals: the configured text, else the Belgian courts
	 * only where the profile says the organisation is registered in Belgium, else the right alone.
	 */
	public String remedy(String lang) {
		String l = language(lang);
		String configured = settings.remedy().get(l);
		if (configured != null && !configured.isBlank()) {
			return configured.strip();
		}
		return text(organisation.profile().registeredInBelgium() ? "rights.remedy" : "rights.remedy.unnamed", l);
	}

	String typeName(RequestType type, String lang) {
		return text(type.key(), language(lang));
	}

	public static String date(LocalDate date, String lang) {
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag(language(lang))).format(date);
	}

	/** "as soon as possible", for a late request whose answer date staff did not fix. */
	public String asSoonAsPossible(String lang) {
		return text("rights.letter.as-soon-as-possible", language(lang));
	}

	/** "by Monday 7 April 2025", for a late request whose answer date staff fixed. */
	public String onDate(LocalDate date, String lang) {
		return text("rights.letter.by-date", language(lang), date(date, lang));
	}

	String publicLink(String path) {
		return baseUrl.to(path);
	}

	String staffLink(java.util.UUID requestId) {
		return baseUrl.to("/rights/requests/" + requestId);
	}

	/**
	 * A public link that carries a secret; the outbox shows it masked. It names the requester's
	 * language, so that the page opens in the language of the letter.
	 */
	public OneTimeLink oneTimeLink(String path, String secret, String lang) {
		return new OneTimeLink(publicLink(path + secret + "?lang=" + language(lang)), secret);
	}

	public void toRequester(DataSubjectRequest r, String template, Map<String, String> params) {
		toRequester(r, template, params, Map.of());
	}

	/**
	 * A letter to the requester; name, reference, type and complaint are filled in here, and for an
	 * open request {@code withdrawLink}, a new link of its own (only its hash is stored). One-time
	 * links go apart from the other values, so that the outbox masks them.
	 */
	public void toRequester(DataSubjectRequest r, String template, Map<String, String> params,
			Map<String, OneTimeLink> oneTimeLinks) {
		Map<String, String> all = new HashMap<>(params);
		all.put("name", r.name);
		all.put("reference", r.reference);
		all.put("type", typeName(r.type, r.language));
		all.put("complaint", complaint(r.language));
		all.put("signature", organisation.profile().legalName(Locale.forLanguageTag(language(r.language))));
		Map<String, OneTimeLink> allLinks = new HashMap<>(oneTimeLinks);
		if (r.open()) {
			allLinks.put("withdrawLink", withdrawLink(r));
		}
		UUID message = notifications.send(new Mail(r.email, template, language(r.language), all, allLinks));
		letters.insert(message, r.id, template, clock.instant());
	}

	/**
	 * What happens to a letter put in the outbox now, in the words of the request's history:
	 * "queued", or "held: mail is not configured" (it waits in the outbox until SMTP is).
	 */
	public String delivery() {
		return notifications.smtpConfigured() ? "queued" : "held: mail is not configured";
	}

	/** Whether letters go out; otherwise they are held in the outbox. */
	public boolean mailConfigured() {
		return notifications.smtpConfigured();
	}

	/**
	 * The letters sent to the requester of a request, oldest first, as the outbox shows them: their
	 * delivery state and text, one-time links masked. Letters purged from the outbox are missing.
	 */
	public List<OutboxMessage> of(UUID requestId) {
		return notifications.messages(letters.of(requestId));
	}

	/**
	 * How many letters of the last {@code days} days wait in the outbox (held for want of a mail
	 * server, or still to send).
	 */
	public int waiting(int days) {
		List<UUID> recent = letters.since(clock.instant().minus(java.time.Duration.ofDays(days)));
		return recent.isEmpty() ? 0 : (int) notifications.messages(recent).stream()
				.filter(m -> "HELD".equals(m.status()) || "PENDING".equals(m.status())).count();
	}

	private OneTimeLink withdrawLink(DataSubjectRequest r) {
		String secret = links.issue(RequesterLinkPurposes.WITHDRAW, r.id, settings.withdrawalValidity());
		return oneTimeLink("/privacy/requests/withdraw/", secret, r.language);
	}

	void toStaff(String email, String lang, String template, Map<String, String> params) {
		notifications.send(new Mail(email, template, language(lang), params));
	}

	private String text(String key, String lang, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag(lang));
	}
}
