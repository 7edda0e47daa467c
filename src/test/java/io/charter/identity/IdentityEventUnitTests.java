package io.charter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.charter.identity.IdentityEvent.FailedSignIns;
import io.charter.identity.IdentityEvent.InvitationRenewed;
import io.charter.identity.IdentityEvent.LanguageChanged;
import io.charter.identity.IdentityEvent.PasswordChanged;
import io.charter.identity.IdentityEvent.PasswordResetSent;
import io.charter.identity.IdentityEvent.PasswordSet;
import io.charter.identity.IdentityEvent.TokenIssued;
import io.charter.identity.IdentityEvent.TokenRevoked;
import io.charter.identity.IdentityEvent.UserCreated;
import io.charter.identity.IdentityEvent.UserDeactivated;
import io.charter.identity.IdentityEvent.UserErased;
import io.charter.identity.IdentityEvent.UserInvited;
import io.charter.identity.IdentityEvent.UserReactivated;
import io.charter.identity.IdentityEvent.UserRestricted;
import io.charter.identity.IdentityEvent.UserRolesChanged;
import io.charter.identity.IdentityEvent.UserSignedIn;
import tools.jackson.databind.json.JsonMapper;

/** Each typed event names its change in the audit trail's words, as the string-typed event did. */
class IdentityEventUnitTests {

	static final UUID USER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
	static final UUID TOKEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");
	static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

	static Stream<Arguments> events() {
		return Stream.of(
				user(new UserCreated(USER, "s", "system", AT), "user.created"),
				user(new UserInvited(USER, "s", "user:x", AT), "user.invited"),
				user(new InvitationRenewed(USER, "s", "user:x", AT), "user.invitation-renewed"),
				user(new PasswordSet(USER, "s", "user:x", AT), "user.password-set"),
				user(new PasswordResetSent(USER, "s", "user:x", AT), "user.password-reset-sent"),
				user(new PasswordChanged(USER, "s", "user:x", AT), "user.password-changed"),
				user(new UserRolesChanged(USER, "s", "user:x", AT), "user.roles-changed"),
				user(new UserDeactivated(USER, "s", "user:x", AT), "user.deactivated"),
				user(new UserReactivated(USER, "s", "user:x", AT), "user.reactivated"),
				user(new UserRestricted(USER, "s", "user:x", AT), "user.restricted"),
				user(new UserErased(USER, "s", "user:x", AT), "user.erased"),
				user(new LanguageChanged(USER, "s", "user:x", AT), "user.language-changed"),
				user(new UserSignedIn(USER, "s", "user:x", AT), "user.signed-in"),
				user(new FailedSignIns(USER, "s", "anonymous", AT), "user.failed-sign-ins"),
				Arguments.of(new TokenIssued(TOKEN, USER, "s", "user:x", AT), "token.issued", "api-token", TOKEN.toString()),
				Arguments.of(new TokenRevoked(TOKEN, "s", "user:x", AT), "token.revoked", "api-token", TOKEN.toString()));
	}

	private static Arguments user(IdentityEvent event, String action) {
		return Arguments.of(event, action, "user", USER.toString());
	}

	@ParameterizedTest
	@MethodSource("events")
	void namesTheChangeAsTheAuditTrailDoes(IdentityEvent event, String action, String entityType, String entityId) {
		assertThat(event.action()).isEqualTo(action);
		assertThat(event.entityType()).isEqualTo(entityType);
		assertThat(event.entityId()).isEqualTo(entityId);
		assertThat(event.summary()).isEqualTo("s");
		assertThat(event.occurredAt()).isEqualTo(AT);
	}

	/** The event publication registry stores events as JSON until every listener has handled them. */
	@ParameterizedTest
	@MethodSource("events")
	void survivesTheEventPublicationRegistry(IdentityEvent event) {
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
	}
}
