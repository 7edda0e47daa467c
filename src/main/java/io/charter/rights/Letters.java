package io.charter.rights;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.charter.notify.Mail;
import io.charter.notify.Notifications;
import io.charter.notify.OneTimeLink;
import io.charter.organisation.Organisation;
import io.charter.platform.BaseUrl;
import io.charter.platform.OneTimeLinks;

/**
 * The letters of the workflow, in the requester's language, through the transactional outbox: a
 * letter goes out if and only if the step that caused it commits. Every letter to a requester says
 * how to lodge a complaint with the supervisory authority; while the request is open, it also
 * carries a single-use link to withdraw it. Letters are signed with the organisation's legal name.
 */
@Component
public class Letters {

	static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");

	private final Notifications notifications;
	private final MessageSource messages;
	private final RightsSettings settings;
	private final OneTimeLinks links;
	private final BaseUrl baseUrl;
	private final Organisation organisation;

	Letters(Notifications notifications, MessageSource messages, RightsSettings settings, OneTimeLinks links,
			BaseUrl baseUrl, Organisation organisation) {
		this.organisation = organisation;
		this.notifications = notifications;
		this.messages = messages;
		this.settings = settings;
		this.links = links;
		this.baseUrl = baseUrl;
	}

	public static String language(String lang) {
		return lang != null && LANGUAGES.contains(lang) ? lang : "en";
	}

	/** The supervisory authority with its contact details. */
	String authority(String lang) {
		String l = language(lang);
		String configured = settings.authority().get(l);
		return configured != null && !configured.isBlank() ? configured.strip() : text("rights.authority", l);
	}

	/** The sentence on complaints that closes every letter and the form. */
	public String complaint(String lang) {
		return text("rights.complaint", language(lang), authority(lang));
	}

	/** Art. 12(4): the judicial remedy, for refusals. */
	public String remedy(String lang) {
		String l = language(lang);
		String configured = settings.remedy().get(l);
		return configured != null && !configured.isBlank() ? configured.strip() : text("rights.remedy", l);
	}

	String typeName(RequestType type, String lang) {
		return text(type.key(), language(lang));
	}

	public static String date(LocalDate date, String lang) {
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag(language(lang))).format(date);
	}

	String publicLink(String path) {
		return baseUrl.to(path);
	}

	String staffLink(java.util.UUID requestId) {
		return baseUrl.to("/rights/requests/" + requestId);
	}

	/** A public link that carries a secret; the outbox shows it masked. */
	public OneTimeLink oneTimeLink(String path, String secret) {
		return new OneTimeLink(publicLink(path + secret), secret);
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
		notifications.send(new Mail(r.email, template, language(r.language), all, allLinks));
	}

	private OneTimeLink withdrawLink(DataSubjectRequest r) {
		String secret = links.issue(RequesterLinkPurposes.WITHDRAW, r.id, settings.withdrawalValidity());
		return new OneTimeLink(publicLink("/privacy/requests/withdraw/" + secret + "?lang=" + language(r.language)), secret);
	}

	void toStaff(String email, String lang, String template, Map<String, String> params) {
		notifications.send(new Mail(email, template, language(lang), params));
	}

	private String text(String key, String lang, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag(lang));
	}
}
