package io.charter.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.charter.organisation.web.ProfileForm;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;

class OrganisationControlsUnitTests {

	static final Questions.Row SECOND_ADDRESS = new Questions.Row("registered-address", "Bomastraat 12a, 9000 Gand", false);

	@Test
	void failsWhileTheQuestionAboutTheRegisteredAddressIsOpenAndPassesOnceItIsAnswered() {
		Control open = OrganisationControls.contactDetails(OrganisationProfileUnitTests.shipped(), List.of(SECOND_ADDRESS));
		assertThat(open.clauses()).containsExactly("C2");
		assertThat(open.status()).isEqualTo(ControlStatus.FAILING);
		assertThat(open.arguments()).containsExactly("registered-address");
		assertThat(open.link()).isEqualTo("/organisation");

		Control answered = OrganisationControls.contactDetails(OrganisationProfileUnitTests.shipped(),
				List.of(new Questions.Row("registered-address", "Bomastraat 12a, 9000 Gand", true)));
		assertThat(answered.status()).isEqualTo(ControlStatus.PASSING);
		assertThat(answered.met()).isEqualTo(answered.of());
	}

	@Test
	void namesEveryMissingDetailAndTakesTheContactFormForTheEmail() {
		ProfileForm s = OrganisationProfileUnitTests.shipped();
		ProfileForm noContact = new ProfileForm(s.name(), s.legalFormFr(), s.legalFormNl(), s.legalFormEn(), null,
				s.street(), s.box(), s.postcode(), s.cityFr(), null, s.cityEn(), null, null, s.privacyPolicyUrl(),
				s.dpoContact(), s.senderName(), s.senderEmail(), null, null, null, null, null, null, null, null, null);
		Control missing = OrganisationControls.contactDetails(noContact, List.of());
		assertThat(missing.status()).isEqualTo(ControlStatus.FAILING);
		assertThat(missing.arguments()).containsExactly("companyNumber, cityNl, contactEmail");
		assertThat(missing.met()).isEqualTo(3);

		ProfileForm byForm = new ProfileForm(s.name(), s.legalFormFr(), s.legalFormNl(), s.legalFormEn(),
				s.companyNumber(), s.street(), s.box(), s.postcode(), s.cityFr(), s.cityNl(), s.cityEn(), null,
				"https://wegroup.example/contact", s.privacyPolicyUrl(), s.dpoContact(), s.senderName(), s.senderEmail(),
				null, null, null, null, null, null, null, null, null);
		assertThat(OrganisationControls.contactDetails(byForm, List.of()).status()).isEqualTo(ControlStatus.PASSING);
	}
}
