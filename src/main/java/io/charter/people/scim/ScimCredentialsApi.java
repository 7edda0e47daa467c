package io.charter.people.scim;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Administrators issue the identity providers' SCIM credentials here; the secret is shown once. */
@RestController
@RequestMapping("/api/v1/people/scim-credentials")
@Tag(name = "People")
class ScimCredentialsApi {

	record NewCredential(String name) {
	}

	private final ScimCredentials credentials;

	ScimCredentialsApi(ScimCredentials credentials) {
		this.credentials = credentials;
	}

	@GetMapping
	@Operation(summary = "The SCIM credentials, never their secrets (ADMIN)")
	List<ScimStore.Credential> list() {
		return credentials.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a SCIM credential for an identity provider; the secret is in this answer only (ADMIN)")
	ScimCredentials.Issued issue(@RequestBody NewCredential body) {
		return credentials.issue(body.name());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a SCIM credential: the provider's next call is refused (ADMIN)")
	void revoke(@PathVariable UUID id) {
		credentials.revoke(id);
	}
}
