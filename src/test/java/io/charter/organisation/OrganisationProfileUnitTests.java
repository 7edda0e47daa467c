package io.charter.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.charter.organisation.web.OpenQuestion;
import io.charter.organisation.web.ProfileForm;

class OrganisationProfileUnitTests {

	static final Map<String, String> BOX = Map.of("fr", "boîte", "nl", "bus", "en", "box");
	static final Locale NL = Locale.forLanguageTag("nl-BE");

	/**
	 * What the migrations ship for WeGroup: no supervisory authority, since the customer's policy names
	 * none (V2026_12_09_1300 cleared the one shipped before and asks the admin instead).
	 */
	static ProfileForm shipped() {
		return new ProfileForm("WeGroup", "SA", "NV", null, "0680957816", "Ottergemsesteenweg-Zuid 808", "372", null,
				"Gand", "Gent", "Ghent", "hello@wegroup.be", null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	/** The shipped profile with the Belgian authority filled in, as an admin would. */
	static ProfileForm withAuthority() {
		return new ProfileForm("WeGroup", "SA", "NV", null, "0680957816", "Ottergemsesteenweg-Zuid 808", "372", null,
				"Gand", "Gent", "Ghent", "hello@wegroup.be", null, null, null, null, null,
				"Autorité de protection des données", "Gegevensbeschermingsautoriteit", "Data Protection Authority",
				"Rue de la Presse 35, 1000 Bruxelles", "Drukpersstraat 35, 1000 Brussel", "Rue de la Presse 35, 1000 Brussels",
				"https://www.autoriteprotectiondonnees.be", "https://www.gegevensbeschermingsautoriteit.be",
				"https://www.autoriteprotectiondonnees.be");
	}

	static OrganisationProfile view(ProfileForm form) {
		return Organisation.publicView(form, locale -> BOX.get(locale.getLanguage()));
	}

	@Test
	void namesTheOrganisationWithItsLegalFormInEachLanguageAndWithoutOneWhereNoneIsGiven() {
		OrganisationProfile profile = view(shipped());
		assertThat(profile.legalName(Locale.FRENCH)).isEqualTo("WeGroup SA");
		assertThat(profile.legalName(NL)).isEqualTo("WeGroup NV");
		assertThat(profile.legalName(Locale.ENGLISH)).isEqualTo("WeGroup");
		assertThat(profile.companyNumber()).hasValue("0680.957.816");
	}

	@Test
	void writesTheAddressInEachLanguageAndLeavesOutTheMissingPostcode() {
		OrganisationProfile profile = view(shipped());
		assertThat(profile.address(Locale.FRENCH)).hasValue("Ottergemsesteenweg-Zuid 808 boîte 372, Gand");
		assertThat(profile.address(NL)).hasValue("Ottergemsesteenweg-Zuid 808 bus 372, Gent");
		assertThat(profile.address(Locale.ENGLISH)).hasValue("Ottergemsesteenweg-Zuid 808 box 372, Ghent");
	}

	@Test
	void leavesOutEveryFieldNotGivenInsteadOfAPlaceholder() {
		ProfileForm s = withAuthority();
		OrganisationProfile profile = view(new ProfileForm(s.name(), s.legalFormFr(), s.legalFormNl(), s.legalFormEn(),
				s.companyNumber(), s.street(), s.box(), s.postcode(), s.cityFr(), s.cityNl(), s.cityEn(), s.contactEmail(),
				s.contactFormUrl(), " ", s.dpoContact(), s.senderName(), s.senderEmail(), s.authorityNameFr(),
				s.authorityNameNl(), s.authorityNameEn(), s.authorityAddressFr(), s.authorityAddressNl(), null,
				s.authorityUrlFr(), s.authorityUrlNl(), null));
		assertThat(profile.contactEmail()).hasValue("hello@wegroup.be");
		assertThat(profile.contactFormUrl()).isEmpty();
		assertThat(profile.privacyPolicyUrl()).as("blank is not given").isEmpty();
		assertThat(profile.dpoContact()).isEmpty();
		assertThat(profile.senderName()).isEmpty();
		assertThat(profile.senderEmail()).isEmpty();
		assertThat(profile.authority().name(NL)).hasValue("Gegevensbeschermingsautoriteit");
		assertThat(profile.authority().address(Locale.ENGLISH)).as("no other language's value").isEmpty();
		assertThat(profile.authority().url(Locale.ENGLISH)).isEmpty();
	}

	@Test
	void givesTheAuthorityAsOneLineOnlyWhereTheProfileNamesItInThatLanguage() {
		assertThat(view(shipped()).authorityLine(Locale.FRENCH)).as("the policy names none").isEmpty();
		ProfileForm s = withAuthority();
		OrganisationProfile profile = view(s);
		assertThat(profile.authorityLine(Locale.ENGLISH))
				.hasValue("Data Protection Authority, Rue de la Presse 35, 1000 Brussels, https://www.autoriteprotectiondonnees.be");
		assertThat(profile.registeredInBelgium()).isTrue();
		OrganisationProfile none = view(new ProfileForm(s.name(), s.legalFormFr(), s.legalFormNl(), s.legalFormEn(), null,
				s.street(), s.box(), s.postcode(), s.cityFr(), s.cityNl(), s.cityEn(), s.contactEmail(), s.contactFormUrl(),
				s.privacyPolicyUrl(), s.dpoContact(), s.senderName(), s.senderEmail(), null, s.authorityNameNl(), null,
				s.authorityAddressFr(), s.authorityAddressNl(), s.authorityAddressEn(), s.authorityUrlFr(), s.authorityUrlNl(),
				s.authorityUrlEn()));
		assertThat(none.authorityLine(Locale.FRENCH)).as("an address without the authority's name is no authority").isEmpty();
		assertThat(none.authorityLine(NL)).hasValue(
				"Gegevensbeschermingsautoriteit, Drukpersstraat 35, 1000 Brussel, https://www.gegevensbeschermingsautoriteit.be");
		assertThat(none.registeredInBelgium()).isFalse();
	}

	@Test
	void anAddressWithoutItsCityIsNoAddress() {
		ProfileForm noCity = ProfileFields.normalised(shipped());
		noCity = new ProfileForm(noCity.name(), null, null, null, null, noCity.street(), null, "9000", null, "Gent", null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
		OrganisationProfile profile = view(noCity);
		assertThat(profile.address(Locale.FRENCH)).isEmpty();
		assertThat(profile.address(NL)).hasValue("Ottergemsesteenweg-Zuid 808, 9000 Gent");
		assertThat(profile.legalName(Locale.FRENCH)).isEqualTo("WeGroup");
		assertThat(profile.companyNumber()).isEmpty();
	}

	@Test
	void asksAboutEveryEmptyFieldAndTheSecondAddressUntilAnswered() {
		List<Questions.Row> rows = List.of(new Questions.Row("registered-address", "Bomastraat 12a, 9000 Gand", false),
				new Questions.Row("dpoContact", null, true));
		List<OpenQuestion> open = OrganisationManagement.open(shipped(), rows);
		assertThat(open).first().isEqualTo(new OpenQuestion("registered-address", "street", "Bomastraat 12a, 9000 Gand"));
		assertThat(OrganisationManagement.open(withAuthority(), rows)).extracting(OpenQuestion::key).containsExactly(
				"registered-address", "legalFormEn", "postcode", "contactFormUrl", "privacyPolicyUrl", "senderName",
				"senderEmail");
		assertThat(open).extracting(OpenQuestion::key).contains("authorityNameFr", "authorityUrlEn");
		assertThat(OrganisationManagement.open(shipped(), List.of(new Questions.Row("supervisory-authority", "APD/GBA", false))))
				.first().isEqualTo(new OpenQuestion("supervisory-authority", "authorityNameFr", "APD/GBA"));
		assertThat(OrganisationManagement.open(shipped(),
				List.of(new Questions.Row("registered-address", "Bomastraat 12a, 9000 Gand", true))))
				.extracting(OpenQuestion::key).doesNotContain("registered-address").contains("dpoContact");
	}
}
