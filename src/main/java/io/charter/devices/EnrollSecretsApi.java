package io.charter.devices;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.charter.devices.web.DeviceView;
import io.charter.devices.web.SecretView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Enroll secrets and devices in the API. A created or rotated secret's value is in that answer only.
 */
@RestController
@RequestMapping("/api/v1/devices")
@Tag(name = "Devices")
class EnrollSecretsApi {

	/** The name of a new secret (e.g. the platform or team it is for). */
	record NewSecret(String name) {
	}

	private final DeviceSteps steps;

	EnrollSecretsApi(DeviceSteps steps) {
		this.steps = steps;
	}

	@GetMapping("/enroll-secrets")
	@Operation(summary = "The enroll secrets, without their values")
	List<SecretView> secrets() {
		return steps.secrets();
	}

	@PostMapping("/enroll-secrets")
	@Operation(summary = "Creates an enroll secret; its value is in this answer only")
	ResponseEntity<DeviceSteps.IssuedSecret> create(@RequestBody NewSecret body) {
		DeviceSteps.IssuedSecret issued = steps.createSecret(body == null ? null : body.name());
		return ResponseEntity.created(URI.create("/api/v1/devices/enroll-secrets/" + issued.secret().id()))
				.header("Cache-Control", "no-store").body(issued);
	}

	@PostMapping("/enroll-secrets/{id}/rotate")
	@Operation(summary = "Revokes the secret and creates another of the same name; the value is in this answer only")
	ResponseEntity<DeviceSteps.IssuedSecret> rotate(@PathVariable UUID id) {
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(steps.rotateSecret(id));
	}

	@DeleteMapping("/enroll-secrets/{id}")
	@Operation(summary = "Revokes the secret: no new enrolment with it; enrolled devices keep their node keys")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		steps.revokeSecret(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping
	@Operation(summary = "The enrolled devices, most recently seen first")
	List<DeviceView> devices() {
		return steps.devices();
	}
}
