package io.charter.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The first-administrator form. */
public record SetupForm(@NotBlank String token, @NotBlank @Email @Size(max = 320) String email,
		@NotBlank @Size(max = 200) String displayName, @NotBlank @Size(min = 12, max = 128) String password) {
}
