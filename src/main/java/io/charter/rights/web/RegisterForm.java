package io.charter.rights.web;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

import io.charter.rights.Channel;
import io.charter.rights.NewRequest;
import io.charter.rights.RequestType;

/**
 * A request registered by staff on the dashboard (it came by post, e-mail or phone).
 *
 * @param answerBy for a request already late when registered: the date promised to the requester
 */
public record RegisterForm(RequestType type, Channel channel,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn, String name, String email,
		String language, String visitorId, String details,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answerBy) {

	/** The channel staff most often register: a request that came by e-mail. */
	public static final Channel USUAL_CHANNEL = Channel.EMAIL;

	public NewRequest toRequest() {
		return new NewRequest(type, name, email, language, visitorId, details);
	}

	/**
	 * Every field that breaks a rule, in form order, with the key of its error in rights' bundle; empty
	 * when the form can be registered.
	 *
	 * @param unreadable the fields whose typed value could not be read at all (a malformed date)
	 * @param today today in the organisation's time zone
	 */
	public Map<String, String> errors(Collection<String> unreadable, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		var invalid = toRequest().invalidFields();
		if (unreadable.contains("type") || invalid.contains("type")) {
			errors.put("type", "rights.register.error.type");
		}
		if (unreadable.contains("channel") || channel == null) {
			errors.put("channel", "rights.refused.say-how-request-was");
		}
		if (unreadable.contains("receivedOn")) {
			errors.put("receivedOn", "rights.register.error.date");
		}
		else if (receivedOn != null && receivedOn.isAfter(today)) {
			errors.put("receivedOn", "rights.refused.date-receipt-cannot-future");
		}
		if (unreadable.contains("answerBy")) {
			errors.put("answerBy", "rights.register.error.date");
		}
		else if (answerBy != null && answerBy.isBefore(today)) {
			errors.put("answerBy", "rights.refused.date-by-which-late");
		}
		for (String field : new String[] { "name", "email", "visitorId", "details" }) {
			if (invalid.contains(field)) {
				errors.put(field, "rights.register.error." + field);
			}
		}
		return errors;
	}
}
