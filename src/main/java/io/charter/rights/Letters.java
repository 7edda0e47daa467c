package io.charter.rights;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.charter.notify.Mail;
import io.charter.notify.Notifications;

/**
 * The letters of the workflow, in the requester's language, through the transactional outbox: a
 * letter goes out if and only if the step that caused it commits. Every letter to a requester says
 * how to lodge a complaint with the supervisory authority.
 */
@Component
class Letters {

	static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");

	private final Notifications notifications;
	private final MessageSource messages;
	private final RightsSettings settings;
	private final String baseUrl;

	Letters(Notifications notifications, MessageSource messages, RightsSettings settings,
			@Value("${charter.base-url}") String baseUrl) {
		this.notifications = notifications;
		this.messages = messages;
		this.settings = settings;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	static String language(String lang) {
		return lang != null && LANGUAGES.contains(lang) ? lang : "en";
	}

	/** The supervisory authority with its contact details. */
	String authority(String lang) {
		String l = language(lang);
		String configured = settings.authority().get(l);
		return configured != null && !configured.isBlank() ? configured.strip() : text("rights.authority", l);
	}

	/** The sentence on complaints that closes every letter and the form. */
	String complaint(String lang) {
		return text("rights.complaint", language(lang), authority(lang));
	}

	/** Art. 12(4): the judicial remedy, for refusals. */
	String remedy(String lang) {
		String l = language(lang);
		String configured = settings.remedy().get(l);
		return configured != null && !configured.isBlank() ? configured.strip() : text("rights.remedy", l);
	}

	String typeName(RequestType type, String lang) {
		return text(type.key(), language(lang));
	}

	static String date(LocalDate date, String lang) {
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag(language(lang))).format(date);
	}

	String publicLink(String path) {
		return baseUrl + path;
	}

	String staffLink(java.util.UUID requestId) {
		return baseUrl + "/rights/requests/" + requestId;
	}

	/** A letter to the requester; name, reference, type and complaint are filled in here. */
	void toRequester(DataSubjectRequest r, String template, Map<String, String> params) {
		Map<String, String> all = new HashMap<>(params);
		all.put("name", r.name);
		all.put("reference", r.reference);
		all.put("type", typeName(r.type, r.language));
		all.put("complaint", complaint(r.language));
		notifications.send(new Mail(r.email, template, language(r.language), all));
	}

	void toStaff(String email, String lang, String template, Map<String, String> params) {
		notifications.send(new Mail(email, template, language(lang), params));
	}

	private String text(String key, String lang, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag(lang));
	}
}
