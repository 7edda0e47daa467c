package io.charter.identity;

import java.util.Locale;

/** A password the rules refuse ({@link PasswordRules}); the reason names a translated message for forms. */
class WeakPassword extends InvalidUserChange {

	enum Reason {
		BLANK("A password cannot be made of spaces only."),
		LENGTH("A password needs " + PasswordRules.MIN_LENGTH + " to " + PasswordRules.MAX_LENGTH + " characters."),
		PERSONAL("A password cannot contain your e-mail address or the part before its @."),
		PREDICTABLE("This password repeats itself, follows a sequence or uses too few different characters."),
		COMMON("This password is one of the most common ones, or one of them with digits or signs around it.");

		private final String text;

		Reason(String text) {
			this.text = text;
		}

		/** The key of the message shown on a form, in the messages bundles. */
		String messageKey() {
			return "password." + name().toLowerCase(Locale.ROOT);
		}
	}

	private final Reason reason;

	WeakPassword(Reason reason) {
		super(reason.text);
		this.reason = reason;
	}

	Reason reason() {
		return reason;
	}
}
