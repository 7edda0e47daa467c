package io.charter.shared;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A request that the domain rules refuse (a 400 in the API, a message on the form). The message
 * is meant for the person who made the request and carries no personal data.
 *
 * <p>A refusal made with a key of a message bundle is said in the reader's language: pages and
 * the API resolve its {@link #refusal()}, and the API gives the key as the problem's stable
 * {@code code}.
 */
public class RuleViolation extends RuntimeException {

	private final String field;
	private final String key;
	private final transient Object[] arguments;

	public RuleViolation(String message) {
		this(null, message);
	}

	/** A refusal about one field of the request, which the API names in its list of field errors. */
	public RuleViolation(String field, String message) {
		super(message);
		this.field = field;
		this.key = null;
		this.arguments = new Object[0];
	}

	/** A refusal said by {@code key} of a message bundle, with its arguments; {@code field} may be null. */
	public RuleViolation(String field, String key, Object[] arguments) {
		this(field, key, arguments, key);
	}

	/** As {@link #RuleViolation(String, String, Object[])}, with a message of its own for logs. */
	public RuleViolation(String field, String key, Object[] arguments, String message) {
		super(message);
		this.field = field;
		this.key = key;
		this.arguments = arguments.clone();
	}

	/** The field of the request the rule is about; null when it is about the request as a whole. */
	public String field() {
		return field;
	}

	/** The stable code of the refusal (its bundle key); null for a refusal made with a plain message. */
	public String code() {
		return key;
	}

	/** What to say, for a MessageSource: the key and its arguments, else the plain message. */
	public MessageSourceResolvable refusal() {
		if (this instanceof MessageSourceResolvable own) {
			return own;
		}
		return key == null ? new DefaultMessageSourceResolvable(null, null, getMessage())
				: new DefaultMessageSourceResolvable(new String[] { key }, arguments.clone());
	}
}
