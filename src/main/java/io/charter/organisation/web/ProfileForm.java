package io.charter.organisation.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The organisation profile as the admin edits it, on the page and in the API. Every field but the
 * name may be empty: an empty field is an open question, and public texts leave it out. The
 * company number is a Belgian enterprise number in any usual writing; the sender name goes into an
 * e-mail header, so it is one line.
 */
public record ProfileForm(@NotBlank @Size(max = 200) String name,
		@Size(max = 50) String legalFormFr, @Size(max = 50) String legalFormNl, @Size(max = 50) String legalFormEn,
		@BelgianEnterpriseNumber String companyNumber,
		@Size(max = 200) String street, @Size(max = 20) String box,
		@Pattern(regexp = "\\d{4}", message = "{organisation.constraint.postcode}") String postcode,
		@Size(max = 100) String cityFr, @Size(max = 100) String cityNl, @Size(max = 100) String cityEn,
		@Email @Size(max = 320) String contactEmail,
		@Size(max = 500) @Pattern(regexp = URL, message = "{organisation.constraint.url}") String contactFormUrl,
		@Size(max = 500) @Pattern(regexp = URL, message = "{organisation.constraint.url}") String privacyPolicyUrl,
		@Size(max = 320) String dpoContact,
		@Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "{organisation.constraint.one-line}") String senderName,
		@Email @Size(max = 320) String senderEmail,
		@Size(max = 200) String authorityNameFr, @Size(max = 200) String authorityNameNl,
		@Size(max = 200) String authorityNameEn,
		@Size(max = 300) String authorityAddressFr, @Size(max = 300) String authorityAddressNl,
		@Size(max = 300) String authorityAddressEn,
		@Size(max = 500) @Pattern(regexp = URL, message = "{organisation.constraint.url}") String authorityUrlFr,
		@Size(max = 500) @Pattern(regexp = URL, message = "{organisation.constraint.url}") String authorityUrlNl,
		@Size(max = 500) @Pattern(regexp = URL, message = "{organisation.constraint.url}") String authorityUrlEn) {

	/** Blank, or an address on the web. */
	static final String URL = "|https?://\\S+";

	/** A blank postcode is none (the pattern would refuse the empty string). */
	public ProfileForm {
		postcode = postcode == null || postcode.isBlank() ? null : postcode.strip();
	}
}
