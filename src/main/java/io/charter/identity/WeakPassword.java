package io.charter.identity;

import java.util.Locale;

/** A password the rules refuse ({@link PasswordRules}); the reason names a translated message for forms. */
class WeakPassword extends InvalidUserChange {

	enum Reason {
		BLANK, LENGTH, PERSONAL, PREDICTABLE, COMMON;

		/** The key of the message shown on a form, in the messages bundles. */
		String messageKey() {
			return "password." + name().toLowerCase(Locale.ROOT);
		}
	}

	private final Reason reason;

	WeakPassword(Reason reason) {
		super(reason.messageKey());
		this.reason = reason;
	}

	Reason reason() {
		return reason;
	}
}
