package io.charter.platform;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import io.charter.shared.RuleViolation;

/**
 * A refused request as a problem detail in the caller's language (Accept-Language or
 * {@code ?lang}): the {@code detail} is translated, a refusal made with a bundle key keeps that
 * key as its stable {@code code} for machines, and a refusal about one field names it in
 * {@code errors}.
 */
@Component
public class RefusalProblems {

	private final MessageSource messages;

	public RefusalProblems(MessageSource messages) {
		this.messages = messages;
	}

	public ProblemDetail of(HttpStatus status, RuleViolation refusal) {
		String detail = messages.getMessage(refusal.refusal(), LocaleContextHolder.getLocale());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (refusal.code() != null) {
			problem.setProperty("code", refusal.code());
		}
		if (refusal.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", refusal.field(), "message", detail)));
		}
		return problem;
	}
}
