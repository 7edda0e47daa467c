package io.charter.organisation;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.charter.organisation.web.OpenQuestion;
import io.charter.organisation.web.ProfileForm;

/** The organisation profile in the API: ADMIN changes it, PRIVACY and AUDITOR read it. */
@RestController
@RequestMapping("/api/v1/organisation")
@Tag(name = "Organisation")
class OrganisationApi {

	record Profile(ProfileForm profile, List<OpenQuestion> openQuestions) {
	}

	private final OrganisationManagement organisation;

	OrganisationApi(OrganisationManagement organisation) {
		this.organisation = organisation;
	}

	@GetMapping
	@Operation(summary = "The profile as stored, with the questions still open (empty fields, contradictions)")
	Profile read() {
		return new Profile(organisation.form(), organisation.openQuestions());
	}

	@PutMapping
	@Operation(summary = "Replace the profile: every field, an empty or missing one is cleared; invalid fields are a 400 and nothing is saved")
	Profile replace(@Valid @RequestBody ProfileForm profile) {
		organisation.save(profile);
		return read();
	}

	@PostMapping("/questions/{question}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark an open question answered: the value stands, or the field stays empty; 404 when not open")
	void answer(@PathVariable String question) {
		organisation.answer(question);
	}
}
