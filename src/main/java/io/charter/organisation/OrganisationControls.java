package io.charter.organisation;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.organisation.web.OpenQuestion;
import io.charter.organisation.web.ProfileForm;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.ControlStatus;

/**
 * Clause C2 of the cookie policy ("Coordonnées"): the controller's identity and contact details that
 * the cookie declaration and the notices give (GDPR art. 13(1)(a)) are filled in and no question
 * about them is open. Read from the tables, like the dashboard's notice: the compliance table asks
 * whoever is signed in.
 */
@Component
class OrganisationControls implements ControlReport {

	static final String CONTACT_DETAILS = "organisation-contact-details";
	static final String LINK = "/organisation";

	/** What the declaration needs: the enterprise number, the address in each language and a contact. */
	static final List<String> NEEDED = List.of("companyNumber", "street", "cityFr", "cityNl", "cityEn", "contactEmail");

	private final Profiles profiles;
	private final Questions questions;

	OrganisationControls(Profiles profiles, Questions questions) {
		this.profiles = profiles;
		this.questions = questions;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Control> controls(LocalDate today) {
		return List.of(contactDetails(profiles.read(), questions.all()));
	}

	/**
	 * Passing when every needed field is given and no open question is about one of them (the second
	 * address of the policy is a question about the street); failing otherwise, the figure naming the
	 * missing fields and the open questions. The website's contact form stands in for the e-mail.
	 */
	static Control contactDetails(ProfileForm profile, List<Questions.Row> rows) {
		Map<String, String> values = ProfileFields.values(profile);
		Set<String> missing = new LinkedHashSet<>();
		for (String field : NEEDED) {
			boolean contactByForm = "contactEmail".equals(field) && given(values.get("contactFormUrl"));
			if (!given(values.get(field)) && !contactByForm) {
				missing.add(field);
			}
		}
		// An empty field is missing above; here the questions the customer's documents raise about a value.
		for (OpenQuestion q : OrganisationManagement.open(profile, rows)) {
			if (q.note() != null && NEEDED.contains(q.field())) {
				missing.add(q.key());
			}
		}
		long met = NEEDED.size() - NEEDED.stream().filter(missing::contains).count();
		if (missing.isEmpty()) {
			return new Control(CONTACT_DETAILS, "organisation.control.contact-details", Set.of("C2"),
					ControlStatus.PASSING, met, NEEDED.size(), 0, 1.0, "organisation.control.contact-details-given",
					List.of(), LINK);
		}
		return new Control(CONTACT_DETAILS, "organisation.control.contact-details", Set.of("C2"), ControlStatus.FAILING,
				met, NEEDED.size(), 0, 1.0, "organisation.control.contact-details-missing",
				List.of(String.join(", ", missing)), LINK);
	}

	private static boolean given(String value) {
		return value != null && !value.isBlank();
	}
}
