package io.charter.rights;

/**
 * The steps staff can take on a request. The request itself says which its state allows now
 * ({@link DataSubjectRequest#allowedActions}); pages show only those, and the API answers 409 for
 * the others.
 */
public enum RequestAction {

	SEND_VERIFICATION_LINK("sendVerificationLink"),
	VERIFY("verify"),
	START("start"),
	ASK_REQUESTER("askRequester"),
	RESUME("resume"),
	EXTEND("extend"),
	COMPLETE("complete"),
	REFUSE("refuse"),
	WITHDRAW("withdraw"),
	DELIVER_PACKAGE("deliverPackage"),
	ERASE("erase"),
	RESTRICT("restrict"),
	WITHDRAW_CONSENT("withdrawConsent"),
	RECORD_EXCEPTION("recordException"),
	ASSIGN("assign"),
	NOTIFY_SYSTEMS("notifySystems");

	private final String key;

	RequestAction(String key) {
		this.key = key;
	}

	/** The name in the API's {@code actions} object. */
	public String key() {
		return key;
	}
}
