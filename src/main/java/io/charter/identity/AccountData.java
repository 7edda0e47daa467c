package io.charter.identity;

import java.util.List;

/**
 * What the identity module holds on one person's account, for a data-subject request (GDPR art. 15
 * and 20). Not the password hash: only whether a password is set; tokens without their secret,
 * which Charter does not keep.
 *
 * @param failedSignIns failed sign-ins in a row since the last successful one
 */
public record AccountData(UserSummary account, int failedSignIns, List<ApiToken> tokens) {

	public AccountData {
		tokens = List.copyOf(tokens);
	}
}
