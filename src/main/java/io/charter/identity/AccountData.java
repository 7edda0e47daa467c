package io.charter.identity;

import java.time.Instant;
import java.util.List;

/**
 * What the identity module holds on one person's account, for a data-subject request (GDPR art. 15
 * and 20). Not the password hash: only whether a password is set; tokens without their secret,
 * which Charter does not keep.
 *
 * @param failedSignIns failed sign-ins in a row since the last successful one
 * @param lockedUntil until when sign-in is locked after too many failures; null when it is not
 */
public record AccountData(UserSummary account, int failedSignIns, Instant lockedUntil, List<ApiToken> tokens) {

	public AccountData {
		tokens = List.copyOf(tokens);
	}
}
