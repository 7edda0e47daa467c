package io.charter.rights;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

import io.charter.shared.RuleViolation;

/**
 * A step the rules refuse: missing or invalid input (a 400 in the API, a message on the page).
 * Subclasses say when the request's state is the reason ({@link StepNotAllowed}, a 409) or a
 * module could not answer ({@link ExportFailed}, a 503).
 *
 * <p>The refusal is a key of rights' bundle with its arguments, so that the page says it in the
 * user's language; the API answers it in English with the key as its stable {@code code}. The
 * exception's own message (for logs) is the key and the arguments.
 */
public class RequestChangeRefused extends RuleViolation implements MessageSourceResolvable {

	private final String key;
	private final Object[] arguments;

	public RequestChangeRefused(String key, Object... arguments) {
		super(arguments.length == 0 ? key : key + " " + Arrays.toString(arguments));
		this.key = key;
		this.arguments = arguments.clone();
	}

	/** The stable code of the refusal: its key in rights' bundle. */
	public String code() {
		return key;
	}

	@Override
	public String[] getCodes() {
		return new String[] { key };
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}
}
