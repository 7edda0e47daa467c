package io.charter.identity;

/**
 * A fresh invitation and its one-time link. The link goes to the invitee by e-mail; without SMTP,
 * the administrator who made the invitation is shown it once to hand it over, and nobody afterwards.
 *
 * @param handOver true when no SMTP is configured: the e-mail is held, the administrator hands the link over
 */
public record IssuedInvitation(UserSummary user, String link, boolean handOver) {

	@Override
	public String toString() {
		// The link is the invitee's password-to-be: never in a log line.
		return "IssuedInvitation[" + user.id() + "]";
	}
}
