package io.charter.people.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.charter.Fixtures;
import io.charter.identity.IdentityManagement;
import io.charter.people.Directory;
import io.charter.people.DirectoryChanges;
import io.charter.people.PersonDetails;
import io.charter.people.PersonKind;
import io.charter.people.PersonStatus;
import io.charter.people.PersonSummary;
import io.charter.shared.Role;

import com.jayway.jsonpath.JsonPath;

/**
 * SCIM end to end with request bodies as Okta and Microsoft Entra ID document them, the credential
 * rules and the error format. The bodies are quoted from (placeholders of ids Charter issues, and
 * the test's own domain for example.com addresses, substituted):
 * <ul>
 * <li>Okta, "Okta and SCIM Version 2.0" (SCIM 2.0 protocol reference),
 * https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20: create, the userName look-up,
 * PUT, the path-less deactivation, group create and membership;</li>
 * <li>Microsoft, "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID",
 * https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups,
 * section "Request and response examples": {@link #entraRequestsAsItsTutorialDocumentsThem};</li>
 * <li>Microsoft, "Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra
 * user provisioning service",
 * https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility:
 * the requests with and without the aadOptscim062020 flag ("False" as a string, capitalised ops).</li>
 * </ul>
 * Google Workspace documents no request bodies for custom SCIM apps: its probe is as its setup help
 * describes it ({@code GET /Users?count=1}, then look-ups by userName).
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ScimIntegrationTests {

	static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	ScimCredentials credentials;
	@Autowired
	Directory directory;
	@Autowired
	IdentityManagement identity;
	@Autowired
	ScimStore store;
	@Autowired
	DirectoryChanges changes;
	@Autowired
	ApplicationEvents events;
	@Autowired
	ScimActorNames actorNames;

	String p = "s" + UUID.randomUUID().toString().substring(0, 6);
	String token() {
		return "Bearer " + credentials.issue("Okta " + p).secret();
	}

	ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
		request.header("Authorization", token).accept(SCIM);
		if (body != null) {
			request.contentType(SCIM).content(body.replace("@example.com", "@" + p + ".test").replace("E-", p + "-"));
		}
		return mvc.perform(request);
	}

	static String id(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
	}

	@Test
	void oktaCreatesFindsReplacesDeactivatesAndReactivatesAUser() throws Exception {
		String scim = token();
		// Okta: "Create Users", body as documented.
		ResultActions created = send(post("/scim/v2/Users"), scim, """
				{
				  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
				  "userName": "test.user@example.com",
				  "name": {
				    "givenName": "Test",
				    "familyName": "User"
				  },
				  "emails": [{
				    "primary": true,
				    "value": "test.user@example.com",
				    "type": "work"
				  }],
				  "displayName": "Test User",
				  "locale": "en-US",
				  "externalId": "00ujl29u0le5T6Aj10h7",
				  "groups": [],
				  "password": "1mz050nq",
				  "active": true
				}""").andExpect(status().isCreated()).andExpect(content().contentType(SCIM))
				.andExpect(jsonPath("$.userName").value("test.user@" + p + ".test"))
				.andExpect(jsonPath("$.name.formatted").value("Test User")).andExpect(jsonPath("$.active").value(true))
				.andExpect(jsonPath("$.externalId").value("00ujl29u0le5T6Aj10h7"))
				.andExpect(jsonPath("$.password").doesNotExist());
		String id = id(created);
		created.andExpect(header().string("Location", "http://localhost/scim/v2/Users/" + id));

		// Okta: "Determine if the User already exists", URL-encoded as Okta sends it.
		send(get(URI.create("/scim/v2/Users?filter=userName%20eq%20%22test.user%40" + p + ".test%22&startIndex=1&count=100")), scim, null)
				.andExpect(status().isOk()).andExpect(jsonPath("$.totalResults").value(1))
				.andExpect(jsonPath("$.Resources[0].id").value(id))
				.andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:ListResponse"));
		send(get("/scim/v2/Users").param("filter", "userName eq \"nobody@" + p + ".test\""), scim, null)
				.andExpect(jsonPath("$.totalResults").value(0)).andExpect(jsonPath("$.Resources", empty()));

		// Okta: "Update a specific User (PUT)".
		send(put("/scim/v2/Users/" + id), scim, """
				{
				  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
				  "id": "%s",
				  "userName": "test.user@example.com",
				  "name": {
				    "givenName": "Another",
				    "familyName": "User"
				  },
				  "emails": [{
				    "primary": true,
				    "value": "test.user@example.com",
				    "type": "work"
				  }],
				  "displayName": "Another User",
				  "locale": "en-US",
				  "externalId": "00ujl29u0le5T6Aj10h7",
				  "groups": [],
				  "password": "1mz050nq",
				  "active": true
				}""".formatted(id)).andExpect(status().isOk()).andExpect(jsonPath("$.displayName").value("Another User"));

		// Okta: "Update a specific User (PATCH)", deactivation without a path.
		String deactivate = """
				{
				  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				  "Operations": [{
				    "op": "replace",
				    "value": {
				      "active": false
				    }
				  }]
				}""";
		send(patch("/scim/v2/Users/" + id), scim, deactivate).andExpect(status().isOk())
				.andExpect(jsonPath("$.active").value(false));
		PersonSummary left = directory.person(UUID.fromString(id)).orElseThrow();
		assertThat(left.status()).isEqualTo(PersonStatus.LEAVER);
		assertThat(left.endDate()).isNotNull();
		assertThat(left.name()).isEqualTo("Another User");

		send(patch("/scim/v2/Users/" + id), scim, deactivate.replace("false", "true")).andExpect(status().isOk())
				.andExpect(jsonPath("$.active").value(true));
		assertThat(directory.person(UUID.fromString(id)).orElseThrow()).satisfies(back -> {
			assertThat(back.active()).isTrue();
			assertThat(back.endDate()).isNull();
		});
	}

	@Test
	void entraCreatesPatchesAsItDoesAndAnEntraLeaverCanNoLongerSignIn() throws Exception {
		String scim = token();
		var account = fixtures.user(Role.SECURITY);
		String manager = id(send(post("/scim/v2/Users"), scim, """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"boss@example.com","active":true,
				 "emails":[{"primary":true,"type":"work","value":"boss@example.com"}],"name":{"formatted":"The Boss"}}""")
				.andExpect(status().isCreated()));

		// Entra's "Create User" with the enterprise extension and a userName that is an account's address.
		String body = """
				{
				  "schemas": [
				    "urn:ietf:params:scim:schemas:core:2.0:User",
				    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
				  "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
				  "userName": "USERNAME",
				  "active": true,
				  "emails": [{
				    "primary": true,
				    "type": "work",
				    "value": "USERNAME"
				  }],
				  "meta": {
				    "resourceType": "User"
				  },
				  "name": {
				    "formatted": "givenName familyName",
				    "familyName": "familyName",
				    "givenName": "givenName"
				  },
				  "roles": [],
				  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
				    "employeeNumber": "E-701",
				    "department": "Finance"
				  }
				}""".replace("USERNAME", account.email()).replace("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef", "ext-" + p);
		String id = id(send(post("/scim/v2/Users"), scim, body).andExpect(status().isCreated())
				.andExpect(jsonPath("$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].employeeNumber")
						.value(p + "-701")));
		// Signing in works while active.
		Fixtures.signIn(mvc, account.email(), Fixtures.PASSWORD);

		// Entra: "Get User by query" with userName, and "Update User [Multi-valued properties]".
		send(get("/scim/v2/Users").param("filter", "userName eq \"" + account.email() + "\""), scim, null)
				.andExpect(jsonPath("$.Resources[0].id").value(id));
		send(patch("/scim/v2/Users/" + id), scim, """
				{
				  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				  "Operations": [
				    {
				      "op": "Replace",
				      "path": "name.familyName",
				      "value": "updatedFamilyName"
				    },
				    {
				      "op": "Add",
				      "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
				      "value": "MANAGER"
				    },
				    {
				      "op": "Add",
				      "value": {
				        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department": "Treasury"
				      }
				    }
				  ]
				}""".replace("MANAGER", manager)).andExpect(status().isOk())
				.andExpect(jsonPath("$.name.formatted").value("givenName updatedFamilyName"))
				.andExpect(jsonPath("$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].manager.value")
						.value(manager))
				.andExpect(jsonPath("$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].department")
						.value("Treasury"));
		send(get("/scim/v2/Users").param("filter", "externalId eq \"ext-" + p + "\" and "
				+ "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"" + manager + "\""), scim, null)
				.andExpect(jsonPath("$.totalResults").value(1));

		// Entra's "Requests made to disable users", without the feature flag (known issues page): "False".
		send(patch("/scim/v2/Users/" + id), scim, """
				  {
				    "schemas": [
				        "urn:ietf:params:scim:api:messages:2.0:PatchOp"
				    ],
				    "Operations": [
				        {
				            "op": "Replace",
				            "path": "active",
				            "value": "False"
				        }
				    ]
				  }""").andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
		await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(identity.user(account.id()).orElseThrow().active()).isFalse());
		mvc.perform(formLogin("/login").user(account.email()).password(Fixtures.PASSWORD))
				.andExpect(redirectedUrl("/login?error"));

		// Entra: "Delete User": the person is anonymised and gone for the provider.
		send(delete("/scim/v2/Users/" + id), scim, null).andExpect(status().isNoContent());
		send(get("/scim/v2/Users/" + id), scim, null).andExpect(status().isNotFound())
				.andExpect(jsonPath("$.schemas[0]").value(ScimErrors.ERROR)).andExpect(jsonPath("$.status").value("404"));
		assertThat(directory.person(UUID.fromString(id)).orElseThrow().email()).doesNotContain(account.email());
		send(get("/scim/v2/Users").param("filter", "externalId eq \"ext-" + p + "\""), scim, null)
				.andExpect(jsonPath("$.totalResults").value(0));
	}

	/**
	 * Microsoft's tutorial, "Request and response examples", each request body as printed there (the
	 * member id is the User Charter created; the tutorial's is a placeholder). Its userName is not an
	 * e-mail address: the person's address is the work e-mail, and the userName is kept so that the
	 * look-up Entra sends before every change finds the person.
	 */
	@Test
	void entraRequestsAsItsTutorialDocumentsThem() throws Exception {
		String scim = token();
		// "Create User"
		ResultActions created = send(post("/scim/v2/Users"), scim, """
				{
				    "schemas": [
				        "urn:ietf:params:scim:schemas:core:2.0:User",
				        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
				    "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
				    "userName": "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
				    "active": true,
				    "emails": [{
				        "primary": true,
				        "type": "work",
				        "value": "Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"
				    }],
				    "meta": {
				        "resourceType": "User"
				    },
				    "name": {
				        "formatted": "givenName familyName",
				        "familyName": "familyName",
				        "givenName": "givenName"
				    },
				    "roles": []
				}""").andExpect(status().isCreated())
				.andExpect(jsonPath("$.userName").value("Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee"))
				.andExpect(jsonPath("$.emails[0].value").value("test_user_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"))
				.andExpect(jsonPath("$.name.formatted").value("givenName familyName"))
				.andExpect(jsonPath("$.externalId").value("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"));
		String id = id(created);
		assertThat(directory.byEmail("Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com")).isPresent();

		// "Get User by query" and "Get User by query - Zero results"
		send(get("/scim/v2/Users").param("filter", "userName eq \"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee\""), scim, null)
				.andExpect(status().isOk()).andExpect(jsonPath("$.totalResults").value(1))
				.andExpect(jsonPath("$.Resources[0].id").value(id));
		send(get("/scim/v2/Users").param("filter", "userName eq \"non-existent user\""), scim, null)
				.andExpect(status().isOk()).andExpect(jsonPath("$.totalResults").value(0))
				.andExpect(jsonPath("$.Resources", empty()));
		// The address is not the userName: a look-up by userName does not find the person by it.
		send(get("/scim/v2/Users").param("filter", "userName eq \"Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com\""),
				scim, null).andExpect(jsonPath("$.totalResults").value(0));

		// "Update User [Multi-valued properties]"
		send(patch("/scim/v2/Users/" + id), scim, """
				{
				    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				    "Operations": [
				            {
				            "op": "Replace",
				            "path": "emails[type eq \\"work\\"].value",
				            "value": "updatedEmail@microsoft.com"
				            },
				            {
				            "op": "Replace",
				            "path": "name.familyName",
				            "value": "updatedFamilyName"
				            }
				    ]
				}""").andExpect(status().isOk())
				.andExpect(jsonPath("$.name.formatted").value("givenName updatedFamilyName"))
				.andExpect(jsonPath("$.emails[0].value").value("updatedemail@microsoft.com"))
				.andExpect(jsonPath("$.userName").value("Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee"));

		// "Update User [Single-valued properties]": a new userName; the e-mail address stays.
		send(patch("/scim/v2/Users/" + id), scim, """
				{
				    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				    "Operations": [{
				        "op": "Replace",
				        "path": "userName",
				        "value": "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com"
				    }]
				}""").andExpect(status().isOk())
				.andExpect(jsonPath("$.userName").value("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com"))
				.andExpect(jsonPath("$.emails[0].value").value("updatedemail@microsoft.com"));
		send(get("/scim/v2/Users").param("filter", "userName eq \"5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com\""), scim, null)
				.andExpect(jsonPath("$.Resources[0].id").value(id));
		send(get("/scim/v2/Users").param("filter", "userName eq \"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee\""), scim, null)
				.andExpect(jsonPath("$.totalResults").value(0));

		// Known issues page, "Requests to replace multiple attributes", without and with the feature flag.
		send(patch("/scim/v2/Users/" + id), scim, """
				  {
				    "schemas": [
				        "urn:ietf:params:scim:api:messages:2.0:PatchOp"
				    ],
				    "Operations": [
				        {
				            "op": "Replace",
				            "path": "displayName",
				            "value": "Pvlo"
				        },
				        {
				            "op": "Replace",
				            "path": "emails[type eq \\"work\\"].value",
				            "value": "TestBcwqnm@test.microsoft.com"
				        },
				        {
				            "op": "Replace",
				            "path": "name.givenName",
				            "value": "Gtfd"
				        },
				        {
				            "op": "Replace",
				            "path": "name.familyName",
				            "value": "Pkqf"
				        },
				        {
				            "op": "Replace",
				            "path": "externalId",
				            "value": "Eqpj"
				        },
				        {
				            "op": "Replace",
				            "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
				            "value": "Eqpj"
				        }
				    ]
				  }""").andExpect(status().isOk()).andExpect(jsonPath("$.name.formatted").value("Gtfd Pkqf"))
				.andExpect(jsonPath("$.emails[0].value").value("testbcwqnm@test.microsoft.com"))
				.andExpect(jsonPath("$.externalId").value("Eqpj"))
				.andExpect(jsonPath("$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].employeeNumber").value("Eqpj"));
		send(patch("/scim/v2/Users/" + id), scim, """
				  {
				    "schemas": [
				        "urn:ietf:params:scim:api:messages:2.0:PatchOp"
				    ],
				    "Operations": [
				        {
				            "op": "replace",
				            "path": "emails[type eq \\"work\\"].value",
				            "value": "TestMhvaes@test.microsoft.com"
				        },
				        {
				            "op": "replace",
				            "value": {
				                "displayName": "Bjfe",
				                "name.givenName": "Kkom",
				                "name.familyName": "Unua",
				                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Aklq"
				            }
				        }
				    ]
				  }""").andExpect(status().isOk()).andExpect(jsonPath("$.name.formatted").value("Kkom Unua"))
				.andExpect(jsonPath("$.emails[0].value").value("testmhvaes@test.microsoft.com"))
				.andExpect(jsonPath("$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].employeeNumber").value("Aklq"));
		// "Requests made to add a single-value string attribute": an attribute Charter does not keep.
		send(patch("/scim/v2/Users/" + id), scim, """
				  {
				    "schemas": [
				        "urn:ietf:params:scim:api:messages:2.0:PatchOp"
				    ],
				    "Operations": [
				      {
				        "op": "Add",
				        "path": "nickName",
				        "value": "Babs"
				      }
				    ]
				  }""").andExpect(status().isOk());

		// "Create Group", "Get Group by displayName", "Update Group [Non-member attributes]"
		String group = id(send(post("/scim/v2/Groups"), scim, """
				{
				    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
				    "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
				    "displayName": "displayName",
				    "meta": {
				        "resourceType": "Group"
				    }
				}""").andExpect(status().isCreated()).andExpect(jsonPath("$.displayName").value("displayName")));
		send(get(URI.create("/scim/v2/Groups?excludedAttributes=members&filter=displayName%20eq%20%22displayName%22")), scim, null)
				.andExpect(jsonPath("$.totalResults").value(1)).andExpect(jsonPath("$.Resources[0].id").value(group));
		group = id(send(patch("/scim/v2/Groups/" + group), scim, """
				{
				    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				    "Operations": [{
				        "op": "Replace",
				        "path": "displayName",
				        "value": "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName"
				    }]
				}""").andExpect(status().isOk()));

		// "Update Group [Add Members]" and "Update Group [Remove Members]"
		String members = """
				{
				    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				    "Operations": [{
				        "op": "OP",
				        "path": "members",
				        "value": [{
				            "$ref": null,
				            "value": "f648f8d5ea4e4cd38e9c"
				        }]
				    }]
				}""".replace("f648f8d5ea4e4cd38e9c", id);
		send(patch("/scim/v2/Groups/" + group), scim, members.replace("OP", "Add")).andExpect(status().isOk());
		assertThat(directory.person(UUID.fromString(id)).orElseThrow().department())
				.isEqualTo("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
		send(patch("/scim/v2/Groups/" + group), scim, members.replace("OP", "Remove")).andExpect(status().isOk());
		assertThat(directory.person(UUID.fromString(id)).orElseThrow().department()).isNull();

		// "Disable User": still answered, inactive; "Delete User", "Delete Group".
		send(patch("/scim/v2/Users/" + id), scim, """
				{
				    "Operations": [
				        {
				            "op": "Replace",
				            "path": "active",
				            "value": false
				        }
				    ],
				    "schemas": [
				        "urn:ietf:params:scim:api:messages:2.0:PatchOp"
				    ]
				}""").andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
		send(get("/scim/v2/Users").param("filter", "userName eq \"5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com\""), scim, null)
				.andExpect(jsonPath("$.Resources[0].active").value(false));
		send(delete("/scim/v2/Users/" + id), scim, null).andExpect(status().isNoContent());
		send(get("/scim/v2/Users").param("filter", "userName eq \"5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com\""), scim, null)
				.andExpect(jsonPath("$.totalResults").value(0));
		assertThat(store.kept(UUID.fromString(id))).isEqualTo(ScimStore.Kept.NONE);
		send(delete("/scim/v2/Groups/" + group), scim, null).andExpect(status().isNoContent());
	}

	@Test
	void aUserNameIsOneUsersWhetherKeptOrTheirAddress() throws Exception {
		String scim = token();
		send(post("/scim/v2/Users"), scim, user("uma")).andExpect(status().isCreated());
		// No other user may take uma's address as their userName, nor a userName another keeps.
		send(post("/scim/v2/Users"), scim, """
				{"displayName":"Vic","userName":"uma@example.com","emails":[{"type":"work","value":"vic@example.com"}]}""")
				.andExpect(status().isConflict()).andExpect(jsonPath("$.scimType").value("uniqueness"));
		send(post("/scim/v2/Users"), scim, """
				{"displayName":"Vic","userName":"VIC-UPN","emails":[{"type":"work","value":"vic@example.com"}]}""").andExpect(status().isCreated());
		send(post("/scim/v2/Users"), scim, """
				{"displayName":"Wes","userName":"vic-upn","emails":[{"type":"work","value":"wes@example.com"}]}""")
				.andExpect(status().isConflict());
		assertThat(directory.byEmail("wes@" + p + ".test")).isEmpty();
		// userName is not case-exact; the order of attributes does not matter.
		send(get("/scim/v2/Users").param("filter", "userName eq \"vic-upn\""), scim, null)
				.andExpect(jsonPath("$.totalResults").value(1)).andExpect(jsonPath("$.Resources[0].userName").value("VIC-UPN"));
		send(post("/scim/v2/Users"), scim, """
				{"emails":[{"type":"work","value":"xia@example.com"}],"userName":"xia@example.com","displayName":"Xia"}""")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.userName").value("xia@" + p + ".test"));
	}

	@Test
	void groupsAreDepartmentsAndMembershipMovesPeople() throws Exception {
		String scim = token();
		String ann = id(send(post("/scim/v2/Users"), scim, user("ann")).andExpect(status().isCreated()));
		String bob = id(send(post("/scim/v2/Users"), scim, user("bob")).andExpect(status().isCreated()));
		String name = "Sales " + p;

		// Okta: "Create Groups".
		String group = id(send(post("/scim/v2/Groups"), scim, """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[]}""".formatted(name))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.members", empty())));
		send(post("/scim/v2/Groups"), scim, """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[]}""".formatted(name))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.scimType").value("uniqueness"));

		// Entra: "Update Group [Add Members]".
		send(patch("/scim/v2/Groups/" + group), scim, """
				{
				  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				  "Operations": [{
				    "op": "Add",
				    "path": "members",
				    "value": [{"$ref": null, "value": "%s"}, {"$ref": null, "value": "%s"}]
				  }]
				}""".formatted(ann, bob)).andExpect(status().isOk()).andExpect(jsonPath("$.members.length()").value(2));
		assertThat(directory.person(UUID.fromString(ann)).orElseThrow().department()).isEqualTo(name);

		// Entra: "Get Group by query", members excluded, and its membership check.
		send(get("/scim/v2/Groups").param("excludedAttributes", "members").param("filter", "displayName eq \"" + name + "\""),
				scim, null).andExpect(jsonPath("$.totalResults").value(1)).andExpect(jsonPath("$.Resources[0].id").value(group))
				.andExpect(jsonPath("$.Resources[0].members").doesNotExist());
		send(get("/scim/v2/Groups").param("excludedAttributes", "members")
				.param("filter", "id eq \"" + group + "\" and members[value eq \"" + bob + "\"]"), scim, null)
				.andExpect(jsonPath("$.totalResults").value(1));

		// Okta: "Remove Users from Groups" by a path with a value filter.
		send(patch("/scim/v2/Groups/" + group), scim, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(bob))
				.andExpect(status().isOk()).andExpect(jsonPath("$.members[*].value", contains(ann)));
		assertThat(directory.person(UUID.fromString(bob)).orElseThrow().department()).isNull();

		// Okta: "Update Group name" without a path; the id follows the name.
		String renamed = id(send(patch("/scim/v2/Groups/" + group), scim, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","value":{"id":"%s","displayName":"%s"}}]}""".formatted(group, name + " EMEA"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.displayName").value(name + " EMEA")));
		assertThat(directory.person(UUID.fromString(ann)).orElseThrow().department()).isEqualTo(name + " EMEA");
		send(get("/scim/v2/Groups/" + group), scim, null).andExpect(status().isNotFound());

		send(delete("/scim/v2/Groups/" + renamed), scim, null).andExpect(status().isNoContent());
		assertThat(directory.person(UUID.fromString(ann)).orElseThrow().department()).isNull();
		send(get("/scim/v2/Groups/" + renamed), scim, null).andExpect(status().isNotFound());
	}

	String user(String who) {
		return """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s@example.com","userType":"Contractor",
				 "name":{"givenName":"%s","familyName":"Example"},"emails":[{"primary":true,"type":"work","value":"%s@example.com"}],
				 "preferredLanguage":"fr-BE","active":true}""".formatted(who, who, who);
	}

	@Test
	void pagesCountFromOneWithTheTotalAndGooglesProbeIsAnswered() throws Exception {
		String scim = token();
		String department = "Pages " + p;
		for (String who : new String[] { "a1", "a2", "a3" }) {
			send(post("/scim/v2/Users"), scim, user(who).replace("\"active\":true",
					"\"active\":true,\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\""
							+ department + "\"}")).andExpect(status().isCreated())
					.andExpect(jsonPath("$.userType").value("Contractor")).andExpect(jsonPath("$.preferredLanguage").value("fr"));
		}
		String filter = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"" + department + "\"";
		send(get("/scim/v2/Users").param("filter", filter).param("startIndex", "2").param("count", "2"), scim, null)
				.andExpect(jsonPath("$.totalResults").value(3)).andExpect(jsonPath("$.startIndex").value(2))
				.andExpect(jsonPath("$.itemsPerPage").value(2))
				.andExpect(jsonPath("$.Resources[*].userName", contains("a2@" + p + ".test", "a3@" + p + ".test")));
		send(get("/scim/v2/Users").param("filter", filter).param("count", "0"), scim, null)
				.andExpect(jsonPath("$.totalResults").value(3)).andExpect(jsonPath("$.Resources", empty()));
		// Google: the probe when the connection is set up.
		send(get("/scim/v2/Users").param("count", "1"), scim, null).andExpect(status().isOk())
				.andExpect(jsonPath("$.itemsPerPage").value(1));
		assertThat(directory.byEmail("a1@" + p + ".test").orElseThrow().kind()).isEqualTo(PersonKind.CONTRACTOR);
	}

	@Test
	void onlyAScimCredentialReachesScimAndItReachesNothingElse() throws Exception {
		send(get("/scim/v2/Users"), "Bearer nothing", null).andExpect(status().isUnauthorized())
				.andExpect(content().contentType(SCIM)).andExpect(jsonPath("$.schemas[0]").value(ScimErrors.ERROR))
				.andExpect(jsonPath("$.status").value("401"));
		mvc.perform(get("/scim/v2/Users")).andExpect(status().isUnauthorized());
		// A staff token, even an administrator's, is not a SCIM credential.
		String admin = "Bearer " + fixtures.tokenFor(Role.ADMIN);
		send(get("/scim/v2/Users"), admin, null).andExpect(status().isUnauthorized());
		// A staff session does not reach SCIM either.
		mvc.perform(get("/scim/v2/Users").session(Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD)))
				.andExpect(status().isUnauthorized());

		// Administrators issue credentials through the staff API; SECURITY may not.
		mvc.perform(post("/api/v1/people/scim-credentials").header("Authorization", "Bearer " + fixtures.tokenFor(Role.SECURITY))
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Entra\"}")).andExpect(status().isForbidden());
		String answer = mvc.perform(post("/api/v1/people/scim-credentials").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Entra " + p + "\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String secret = JsonPath.read(answer, "$.secret");
		String credentialId = JsonPath.read(answer, "$.credential.id");
		assertThat(secret).startsWith("scim_");
		mvc.perform(get("/api/v1/people/scim-credentials").header("Authorization", admin)).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].name", hasItem("Entra " + p)))
				.andExpect(content().string(not(org.hamcrest.Matchers.containsString(secret))));

		String scim = "Bearer " + secret;
		send(get("/scim/v2/ServiceProviderConfig"), scim, null).andExpect(status().isOk())
				.andExpect(jsonPath("$.patch.supported").value(true)).andExpect(jsonPath("$.filter.maxResults").value(1000));
		// The SCIM credential reaches no staff API.
		mvc.perform(get("/api/v1/people").header("Authorization", scim)).andExpect(status().isUnauthorized());
		mvc.perform(get("/people").header("Authorization", scim)).andExpect(status().is3xxRedirection());

		mvc.perform(delete("/api/v1/people/scim-credentials/" + credentialId).header("Authorization", admin))
				.andExpect(status().isNoContent());
		send(get("/scim/v2/Users"), scim, null).andExpect(status().isUnauthorized());
	}

	@Test
	void refusalsAreInScimsErrorFormat() throws Exception {
		String scim = token();
		send(post("/scim/v2/Users"), scim, user("dup")).andExpect(status().isCreated());
		send(post("/scim/v2/Users"), scim, user("dup")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.scimType").value("uniqueness")).andExpect(jsonPath("$.status").value("409"));
		send(post("/scim/v2/Users"), scim, "{\"userName\": ").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.scimType").value("invalidSyntax")).andExpect(content().contentType(SCIM));
		send(post("/scim/v2/Users"), scim, "{\"userName\": \"not-an-address\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.scimType").value("invalidValue"));
		send(get("/scim/v2/Users").param("filter", "userName eq"), scim, null).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.scimType").value("invalidFilter"));
		send(get("/scim/v2/Users/" + UUID.randomUUID()), scim, null).andExpect(status().isNotFound());
		send(get("/scim/v2/Users/not-a-uuid"), scim, null).andExpect(status().isNotFound())
				.andExpect(jsonPath("$.schemas[0]").value(ScimErrors.ERROR));
		String id = JsonPath.read(send(get("/scim/v2/Users").param("filter", "userName eq \"dup@" + p + ".test\""), scim, null)
				.andReturn().getResponse().getContentAsString(), "$.Resources[0].id");
		send(patch("/scim/v2/Users/" + id), scim, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"id","value":"x"}]}""")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.scimType").value("mutability"));
		send(patch("/scim/v2/Users/" + id), scim, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":"maybe"}]}""")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.scimType").value("invalidValue"));
		// application/json is accepted too.
		mvc.perform(patch("/scim/v2/Users/" + id).header("Authorization", scim).contentType(MediaType.APPLICATION_JSON)
				.content("{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Dup Licate\"}]}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.displayName").value("Dup Licate"));
	}

	@Test
	void anErasureLeavesNoIdentifierOfTheProvider() throws Exception {
		String scim = token();
		String id = id(send(post("/scim/v2/Users"), scim, user("erin").replace("\"active\":true",
				"\"active\":true,\"externalId\":\"ext-" + p + "\"")).andExpect(status().isCreated()));
		assertThat(store.externalId(UUID.fromString(id))).contains("ext-" + p);
		// What a data-subject request's erasure does (people's personal-data holder).
		changes.anonymise(UUID.fromString(id), "anonymised for a request");
		assertThat(store.externalId(UUID.fromString(id))).isEmpty();
		assertThat(store.personOfExternalId("ext-" + p)).isEmpty();
	}

	@Test
	void discoveryDescribesUsersGroupsAndTheEnterpriseExtension() throws Exception {
		String scim = token();
		send(get("/scim/v2/ResourceTypes"), scim, null).andExpect(status().isOk())
				.andExpect(jsonPath("$.Resources[*].id", contains("User", "Group")))
				.andExpect(jsonPath("$.Resources[0].schemaExtensions[0].schema")
						.value("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"));
		send(get("/scim/v2/Schemas"), scim, null).andExpect(jsonPath("$.totalResults").value(3));
		send(get("/scim/v2/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"), scim, null)
				.andExpect(status().isOk()).andExpect(jsonPath("$.attributes[*].name", contains("employeeNumber", "department", "manager")));
	}

	@Test
	void aListWithoutAFilterLeavesOutErasedPeople() throws Exception {
		String scim = token();
		PersonSummary kept = changes.create(new PersonDetails("Kept " + p, "kept@" + p + ".test", null,
				PersonKind.EMPLOYEE, null, null, null, null, "en"));
		PersonSummary erased = changes.create(new PersonDetails("Erased " + p, "erased@" + p + ".test", null,
				PersonKind.EMPLOYEE, null, null, null, null, "en"));
		changes.anonymise(erased.id(), "erasure request");
		List<String> ids = new java.util.ArrayList<>();
		int total = Integer.MAX_VALUE;
		for (int start = 1; start <= total; start += 1000) {
			String body = send(get("/scim/v2/Users").param("startIndex", "" + start).param("count", "1000"), scim, null)
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			total = JsonPath.read(body, "$.totalResults");
			ids.addAll(JsonPath.read(body, "$.Resources[*].id"));
		}
		assertThat(ids).contains(kept.id().toString()).doesNotContain(erased.id().toString()).hasSize(total);
	}

	@Test
	void issuingAndRevokingACredentialIsAuditedAndTheAuditPageNamesTheProvider() throws Exception {
		ScimCredentials.Issued issued = credentials.issue("Entra " + p);
		UUID id = issued.credential().id();
		send(get("/scim/v2/Users").param("count", "1"), "Bearer " + issued.secret(), null).andExpect(status().isOk());
		credentials.revoke(id);
		// The secret verified a moment ago is not trusted any longer on this node.
		send(get("/scim/v2/Users").param("count", "1"), "Bearer " + issued.secret(), null)
				.andExpect(status().isUnauthorized());
		assertThat(events.stream(ScimCredentialEvent.class).filter(e -> e.credentialId().equals(id)))
				.extracting(ScimCredentialEvent::action, ScimCredentialEvent::summary)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("scim-credential.issued", "issued SCIM credential Entra " + p),
						org.assertj.core.groups.Tuple.tuple("scim-credential.revoked", "revoked SCIM credential Entra " + p));
		assertThat(actorNames.names(List.of("scim:" + id, "user:" + UUID.randomUUID(), "scim:" + UUID.randomUUID())))
				.containsExactly(java.util.Map.entry("scim:" + id, "SCIM: Entra " + p));
	}

	@Test
	void anAdministratorIssuesACredentialOnItsPageSeesTheSecretOnceAndRevokesItAfterConfirming() throws Exception {
		var admin = Fixtures.signIn(mvc, fixtures.user(Role.ADMIN).email(), Fixtures.PASSWORD);
		var security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		mvc.perform(get("/people/scim-credentials").session(security)).andExpect(status().isForbidden());
		mvc.perform(post("/people/scim-credentials").session(admin).with(csrf()).param("name", " "))
				.andExpect(redirectedUrl("/people/scim-credentials"));
		mvc.perform(post("/people/scim-credentials").session(admin).with(csrf()).param("name", "Google " + p))
				.andExpect(redirectedUrl("/people/scim-credentials"));
		// The redirect's page, which takes the secret from the session's flash map.
		var shown = mvc.perform(get("/people/scim-credentials").session(admin))
				.andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store")).andReturn()
				.getResponse().getContentAsString();
		String secret = shown.replaceAll("(?s).*id=\"scim-secret\">(scim_[A-Za-z0-9_-]+)<.*", "$1");
		assertThat(secret).startsWith("scim_");
		send(get("/scim/v2/Users").param("count", "1"), "Bearer " + secret, null).andExpect(status().isOk());
		String again = Fixtures.page(mvc, admin, "/people/scim-credentials");
		assertThat(again).contains("Google " + p).doesNotContain(secret);
		UUID id = credentials.list().stream().filter(c -> c.name().equals("Google " + p)).findFirst().orElseThrow().id();
		// A bare POST only leads to the confirmation page.
		mvc.perform(post("/people/scim-credentials/" + id + "/revoke").session(admin).with(csrf()))
				.andExpect(redirectedUrl("/people/scim-credentials/" + id + "/revoke"));
		send(get("/scim/v2/Users").param("count", "1"), "Bearer " + secret, null).andExpect(status().isOk());
		assertThat(Fixtures.page(mvc, admin, "/people/scim-credentials/" + id + "/revoke")).contains("Google " + p);
		mvc.perform(post("/people/scim-credentials/" + id + "/revoke").session(admin).with(csrf())
				.param(io.charter.shared.Confirmed.FIELD, io.charter.shared.Confirmed.VALUE))
				.andExpect(redirectedUrl("/people/scim-credentials"));
		send(get("/scim/v2/Users").param("count", "1"), "Bearer " + secret, null).andExpect(status().isUnauthorized());
	}
}
