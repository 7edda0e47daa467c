package io.charter.organisation;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.organisation.web.ProfileForm;
import io.charter.platform.Utc;

/** The one row of {@code organisation_profile}. */
@Repository
class Profiles {

	private final JdbcClient jdbc;
	private final Clock clock;

	Profiles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	ProfileForm read() {
		return jdbc.sql("""
				select name,
				legal_form_fr,
				legal_form_nl,
				legal_form_en,
				company_number,
				street,
				box,
				postcode,
				city_fr,
				city_nl,
				city_en,
				contact_email,
				contact_form_url,
				privacy_policy_url,
				dpo_contact,
				sender_name,
				sender_email,
				authority_name_fr,
				authority_name_nl,
				authority_name_en,
				authority_address_fr,
				authority_address_nl,
				authority_address_en,
				authority_url_fr,
				authority_url_nl,
				authority_url_en
				from organisation_profile where id = 1
				""").query((rs, n) -> new ProfileForm(rs.getString("name"),
				rs.getString("legal_form_fr"),
				rs.getString("legal_form_nl"),
				rs.getString("legal_form_en"),
				rs.getString("company_number"),
				rs.getString("street"),
				rs.getString("box"),
				rs.getString("postcode"),
				rs.getString("city_fr"),
				rs.getString("city_nl"),
				rs.getString("city_en"),
				rs.getString("contact_email"),
				rs.getString("contact_form_url"),
				rs.getString("privacy_policy_url"),
				rs.getString("dpo_contact"),
				rs.getString("sender_name"),
				rs.getString("sender_email"),
				rs.getString("authority_name_fr"),
				rs.getString("authority_name_nl"),
				rs.getString("authority_name_en"),
				rs.getString("authority_address_fr"),
				rs.getString("authority_address_nl"),
				rs.getString("authority_address_en"),
				rs.getString("authority_url_fr"),
				rs.getString("authority_url_nl"),
				rs.getString("authority_url_en")))
				.single();
	}

	/** Writes every field in one statement: a save is whole or nothing. */
	void write(ProfileForm form, String actor) {
		jdbc.sql("""
				update organisation_profile set name = :name,
				legal_form_fr = :legalFormFr,
				legal_form_nl = :legalFormNl,
				legal_form_en = :legalFormEn,
				company_number = :companyNumber,
				street = :street,
				box = :box,
				postcode = :postcode,
				city_fr = :cityFr,
				city_nl = :cityNl,
				city_en = :cityEn,
				contact_email = :contactEmail,
				contact_form_url = :contactFormUrl,
				privacy_policy_url = :privacyPolicyUrl,
				dpo_contact = :dpoContact,
				sender_name = :senderName,
				sender_email = :senderEmail,
				authority_name_fr = :authorityNameFr,
				authority_name_nl = :authorityNameNl,
				authority_name_en = :authorityNameEn,
				authority_address_fr = :authorityAddressFr,
				authority_address_nl = :authorityAddressNl,
				authority_address_en = :authorityAddressEn,
				authority_url_fr = :authorityUrlFr,
				authority_url_nl = :authorityUrlNl,
				authority_url_en = :authorityUrlEn,
				updated_by = :actor, updated_at = :at
				where id = 1
				""")
				.param("name", form.name())
				.param("legalFormFr", form.legalFormFr())
				.param("legalFormNl", form.legalFormNl())
				.param("legalFormEn", form.legalFormEn())
				.param("companyNumber", form.companyNumber())
				.param("street", form.street())
				.param("box", form.box())
				.param("postcode", form.postcode())
				.param("cityFr", form.cityFr())
				.param("cityNl", form.cityNl())
				.param("cityEn", form.cityEn())
				.param("contactEmail", form.contactEmail())
				.param("contactFormUrl", form.contactFormUrl())
				.param("privacyPolicyUrl", form.privacyPolicyUrl())
				.param("dpoContact", form.dpoContact())
				.param("senderName", form.senderName())
				.param("senderEmail", form.senderEmail())
				.param("authorityNameFr", form.authorityNameFr())
				.param("authorityNameNl", form.authorityNameNl())
				.param("authorityNameEn", form.authorityNameEn())
				.param("authorityAddressFr", form.authorityAddressFr())
				.param("authorityAddressNl", form.authorityAddressNl())
				.param("authorityAddressEn", form.authorityAddressEn())
				.param("authorityUrlFr", form.authorityUrlFr())
				.param("authorityUrlNl", form.authorityUrlNl())
				.param("authorityUrlEn", form.authorityUrlEn())
				.param("actor", actor).param("at", Utc.odt(clock.instant()))
				.update();
	}
}
