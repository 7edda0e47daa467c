package io.charter.people.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.charter.people.PersonKind;
import io.charter.people.PersonStatus;
import io.charter.people.PersonSummary;

/** The filter grammar on the shapes identity providers send, and the refusals as invalidFilter. */
class ScimFilterUnitTests {

	static final PersonSummary ANN = new PersonSummary(UUID.fromString("2819c223-7f76-453a-919d-413861904646"),
			"Ann Peeters", "ann.peeters@example.be", "E001", PersonKind.EMPLOYEE, "IT", null, LocalDate.of(2021, 3, 1),
			null, PersonStatus.ACTIVE, "nl");

	static boolean matches(String filter) {
		return ScimFilter.parse(filter).test(path -> ScimUser.values(ANN, new ScimStore.Kept("00ujl29u0le5T6Aj10h7", null), path));
	}

	@Test
	void aKeptUserNameIsTheUserNameAndTheAddressStaysTheEmail() {
		ScimStore.Kept kept = new ScimStore.Kept(null, "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee");
		ScimFilter byUserName = ScimFilter.parse("userName eq \"test_user_00aa00aa-bb11-cc22-dd33-44ee44ee44ee\"");
		assertThat(byUserName.test(path -> ScimUser.values(ANN, kept, path))).isTrue();
		assertThat(ScimFilter.parse("userName eq \"ann.peeters@example.be\"").test(path -> ScimUser.values(ANN, kept, path)))
				.isFalse();
		assertThat(ScimFilter.parse("emails[type eq \"work\"].value eq \"ann.peeters@example.be\"")
				.test(path -> ScimUser.values(ANN, kept, path))).isTrue();
	}

	@Test
	void theFiltersOfOktaEntraAndGoogleMatch() {
		// Okta, Entra and Google look a user up by userName; case does not matter for it (RFC 7643).
		assertThat(matches("userName eq \"ann.peeters@example.be\"")).isTrue();
		assertThat(matches("userName eq \"Ann.Peeters@Example.BE\"")).isTrue();
		assertThat(matches("userName eq \"bob@example.be\"")).isFalse();
		assertThat(matches("externalId eq \"00ujl29u0le5T6Aj10h7\"")).isTrue();
		// externalId is caseExact.
		assertThat(matches("externalId eq \"00UJL29U0LE5T6AJ10H7\"")).isFalse();
		assertThat(matches("emails[type eq \"work\"].value eq \"ann.peeters@example.be\"")).isTrue();
		assertThat(matches("emails[type eq \"home\"].value eq \"ann.peeters@example.be\"")).isFalse();
		assertThat(matches("emails[type eq \"work\" and value co \"peeters\"]")).isTrue();
		assertThat(matches("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"E001\"")).isTrue();
		assertThat(matches("userName eq \"x@y\" or externalId eq \"00ujl29u0le5T6Aj10h7\"")).isTrue();
		assertThat(matches("userName eq \"ann.peeters@example.be\" and active eq true")).isTrue();
		assertThat(matches("userName eq \"ann.peeters@example.be\" and active eq false")).isFalse();
		assertThat(matches("not (department eq \"IT\") or (userName sw \"ann\" and name.familyName eq \"peeters\")")).isTrue();
		assertThat(matches("title pr")).isFalse();
		assertThat(matches("manager.value pr")).isFalse();
		assertThat(matches("displayName ew \"eeters\" AND userType eq \"Employee\"")).isTrue();
	}

	@Test
	void andBindsTighterThanOr() {
		// false and false or true = (false and false) or true
		assertThat(matches("department eq \"HR\" and active eq false or userName pr")).isTrue();
		// false and (false or true) = false
		assertThat(matches("department eq \"HR\" and (active eq false or userName pr)")).isFalse();
		assertThat(ScimFilter.parse("a eq \"1\" or b eq \"2\" and c eq \"3\"")).isInstanceOf(ScimFilter.Or.class);
	}

	@Test
	void quotedValuesKeepTheirEscapes() {
		ScimFilter filter = ScimFilter.parse("displayName eq \"Dubois, \\\"Marc\\\" \\u00e9 and or\"");
		assertThat(filter).isEqualTo(new ScimFilter.Compare("displayname", "eq", "Dubois, \"Marc\" é and or"));
	}

	@Test
	void brokenFiltersAreRefusedAsInvalidFilter() {
		for (String bad : List.of("", "userName", "userName eq", "userName xx \"a\"", "userName eq \"a", "(userName eq \"a\"",
				"userName eq \"a\" and", "userName eq \"a\" extra", "emails[type eq \"work\"", "userName eq bare", "\"a\" eq \"b\"",
				"not userName eq \"a\"")) {
			assertThatThrownBy(() -> ScimFilter.parse(bad)).as(bad).isInstanceOfSatisfying(ScimException.class,
					e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
		}
	}

	@Test
	void aPatchPathDropsItsSchemaAndValueFilter() {
		assertThat(ScimUser.path("emails[type eq \"work\"].value")).isEqualTo("emails.value");
		assertThat(ScimUser.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager")).isEqualTo("manager");
		assertThat(ScimUser.path("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName")).isEqualTo("name.givenname");
	}
}
