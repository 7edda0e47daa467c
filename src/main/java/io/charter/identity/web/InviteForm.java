package io.charter.identity.web;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.charter.shared.Role;

/** The invitation form of the users page. */
public record InviteForm(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String displayName,
		@NotEmpty Set<Role> roles, @Pattern(regexp = "en|fr|nl") String language) {
}
