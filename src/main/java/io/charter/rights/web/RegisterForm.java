package io.charter.rights.web;

import java.time.LocalDate;

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

	public NewRequest toRequest() {
		return new NewRequest(type, name, email, language, visitorId, details);
	}
}
