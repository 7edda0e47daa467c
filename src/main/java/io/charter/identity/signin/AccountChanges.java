package io.charter.identity.signin;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.charter.identity.IdentityEvent;

/**
 * As soon as a change to an account made on this instance commits, the session filter forgets what
 * it knew of the account. A bean of its own: a listener is proxied, and a servlet filter should not be.
 */
@Component
class AccountChanges {

	private final SessionRefresh sessions;

	AccountChanges(SessionRefresh sessions) {
		this.sessions = sessions;
	}

	/** Any change to an account, a sign-in too: what the filter holds may be out of date. */
	@TransactionalEventListener
	void on(IdentityEvent.UserEvent event) {
		sessions.forget(event.userId());
	}
}
