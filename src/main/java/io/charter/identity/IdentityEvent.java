package io.charter.identity;

import java.time.Instant;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * A change to a user or an API token, published after it is made and recorded in the audit trail.
 * Listen to the record for the change you care about, or to {@link UserEvent} for any change to
 * an account; the action and entity type are the trail's vocabulary, fixed by each record, not
 * something to compare. The summary names roles, states and token names, never passwords, secrets
 * or e-mail addresses.
 * <p>
 * The records are stored by the event publication registry until every listener has handled them,
 * so renaming one, or changing its components, strands publications still outstanding under the
 * old shape.
 */
public sealed interface IdentityEvent extends AuditableEvent {

	/** A change to a user account: entity type {@code user}, action {@code user.<verb>}. */
	sealed interface UserEvent extends IdentityEvent {

		String ENTITY = "user";

		UUID userId();

		/** The verb after {@code user.}; fixed per record. */
		String verb();

		@Override
		default String action() {
			return ENTITY + "." + verb();
		}

		@Override
		default String entityType() {
			return ENTITY;
		}

		@Override
		default String entityId() {
			return userId().toString();
		}
	}

	/** A change to an API token: entity type {@code api-token}, action {@code token.<verb>}. */
	sealed interface TokenEvent extends IdentityEvent {

		String ENTITY = "api-token";

		UUID tokenId();

		/** The verb after {@code token.}; fixed per record. */
		String verb();

		@Override
		default String action() {
			return "token." + verb();
		}

		@Override
		default String entityType() {
			return ENTITY;
		}

		@Override
		default String entityId() {
			return tokenId().toString();
		}
	}

	/** The first administrator at setup, or an account created at a first OIDC sign-in. */
	record UserCreated(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "created";
		}
	}

	record UserInvited(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "invited";
		}
	}

	/** A new invitation link sent; the earlier ones expired. */
	record InvitationRenewed(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "invitation-renewed";
		}
	}

	/** A password set through a one-time (invitation or reset) link. */
	record PasswordSet(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "password-set";
		}
	}

	/** A password reset link sent, asked for by the user (forgot password) or an administrator; earlier ones expired. */
	record PasswordResetSent(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "password-reset-sent";
		}
	}

	/** A password changed by its signed-in owner. */
	record PasswordChanged(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "password-changed";
		}
	}

	record UserRolesChanged(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "roles-changed";
		}
	}

	record UserDeactivated(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "deactivated";
		}
	}

	/** Reactivated by an administrator; lifts a restriction of processing too. */
	record UserReactivated(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "reactivated";
		}
	}

	/** Deactivated with processing restricted, for a data-subject request. */
	record UserRestricted(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "restricted";
		}
	}

	/** Anonymised and deactivated with its tokens deleted, for a data-subject request. */
	record UserErased(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "erased";
		}
	}

	record LanguageChanged(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "language-changed";
		}
	}

	record UserSignedIn(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "signed-in";
		}
	}

	/** The configured number of failed sign-ins in a row was reached. */
	record FailedSignIns(UUID userId, String summary, String actor, Instant occurredAt) implements UserEvent {
		@Override
		public String verb() {
			return "failed-sign-ins";
		}
	}

	/** @param userId the token's owner */
	record TokenIssued(UUID tokenId, UUID userId, String summary, String actor, Instant occurredAt)
			implements TokenEvent {
		@Override
		public String verb() {
			return "issued";
		}
	}

	record TokenRevoked(UUID tokenId, String summary, String actor, Instant occurredAt) implements TokenEvent {
		@Override
		public String verb() {
			return "revoked";
		}
	}
}
