package io.charter.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.charter.shared.Role;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * Charter's own user accounts answer data-subject requests, through the kernel's personal-data
 * plug-in, so identity depends on no other module to take part. Accounts are found by e-mail
 * address only (the banner's visitor id never names a staff member).
 *
 * <ul>
 * <li>erase: the account is anonymised and deactivated, its API tokens and one-time links deleted;
 * its random id stays as the audit trail's pseudonym.</li>
 * <li>restrict: an account in use is processing; restriction deactivates it and marks it so, and the
 * data stay. An administrator lifts it by reactivating the account.</li>
 * <li>withdraw consent: accounts do not rest on consent.</li>
 * </ul>
 * Neither erasure nor restriction may leave Charter without an active administrator: that part is
 * refused and the outcome says why, so staff can name another administrator and run the step again.
 */
@Component
class StaffAccountsHolder implements PersonalDataHolder {

	static final String LAST_ADMINISTRATOR_KEPT = "Account kept as it is: it is Charter's last active administrator,"
			+ " needed to keep the system and the personal data in it secure and accountable (GDPR art. 32 and 5(2);"
			+ " art. 17(3)(b)). Make another person administrator, then erase again.";
	static final String LAST_ADMINISTRATOR_NOT_RESTRICTED = "Not restricted: it is Charter's last active"
			+ " administrator; without it no one could administer and secure the personal data Charter holds"
			+ " (GDPR art. 18(2) and 32). Make another person administrator, then restrict again.";

	private final IdentityManagement identity;
	private final MessageSource messages;

	StaffAccountsHolder(IdentityManagement identity, MessageSource messages) {
		this.identity = identity;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "staff-accounts";
	}

	@Override
	public Holding find(DataSubject subject) {
		Optional<AccountData> data = identity.accountData(subject.email());
		if (data.isEmpty()) {
			return Holding.none();
		}
		Locale locale = subject.locale();
		return new Holding(1 + data.get().tokens().size(), t("purposes", locale), t("categories", locale),
				t("recipients", locale), t("retention", locale), t("source", locale));
	}

	@Override
	public List<Dataset> export(DataSubject subject) {
		return identity.accountData(subject.email()).map(StaffAccountsHolder::datasets).orElse(List.of());
	}

	@Override
	public Outcome erase(DataSubject subject) {
		Optional<AccountData> data = identity.accountData(subject.email());
		if (data.isEmpty()) {
			return Outcome.nothingHeld();
		}
		try {
			int records = identity.eraseAccount(data.get().account().id(), subject.requestId());
			return Outcome.done(records, "Account anonymised (address and name replaced by a pseudonym, password,"
					+ " language and sign-in times removed) and deactivated; " + (records - 1)
					+ " API token(s) and every one-time link deleted. The audit trail keeps only the account's random id.")
					.saying("identity.staff-data.erased", records - 1);
		}
		catch (LastAdministrator e) {
			return Outcome.partly(0, LAST_ADMINISTRATOR_KEPT).saying("identity.staff-data.last-administrator-kept");
		}
	}

	@Override
	public Outcome restrict(DataSubject subject) {
		Optional<AccountData> data = identity.accountData(subject.email());
		if (data.isEmpty()) {
			return Outcome.nothingHeld();
		}
		try {
			identity.restrictAccount(data.get().account().id(), subject.requestId());
			return Outcome.done(1, "Account deactivated and marked restricted: its data are kept, unused (no sign-in,"
					+ " no API access, no mail). An administrator lifts the restriction by reactivating the account;"
					+ " tell the person first (GDPR art. 18(3)).").saying("identity.staff-data.restricted");
		}
		catch (LastAdministrator e) {
			return Outcome.partly(0, LAST_ADMINISTRATOR_NOT_RESTRICTED)
					.saying("identity.staff-data.last-administrator-not-restricted");
		}
	}

	@Override
	public Outcome withdrawConsent(DataSubject subject) {
		return Outcome.notApplicable("Staff accounts do not rest on consent: they serve the employment or service"
				+ " contract and the organisation's security duties.").saying("identity.staff-data.no-consent");
	}

	private static List<Dataset> datasets(AccountData data) {
		UserSummary a = data.account();
		Map<String, Object> account = new LinkedHashMap<>();
		account.put("accountId", a.id().toString());
		account.put("email", a.email());
		account.put("name", a.displayName());
		account.put("roles", a.roles().stream().map(Role::name).sorted().toList());
		account.put("language", a.language());
		account.put("active", a.active());
		account.put("restricted", a.restricted());
		account.put("passwordSet", a.passwordSet());
		account.put("failedSignIns", data.failedSignIns());
		account.put("createdAt", iso(a.createdAt()));
		account.put("lastSignInAt", iso(a.lastLoginAt()));
		List<Dataset> datasets = new ArrayList<>();
		datasets.add(new Dataset("account", List.of(account)));
		List<Map<String, Object>> tokens = data.tokens().stream().map(StaffAccountsHolder::row).toList();
		if (!tokens.isEmpty()) {
			datasets.add(new Dataset("api-tokens", tokens));
		}
		return datasets;
	}

	private static Map<String, Object> row(ApiToken token) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", token.name());
		row.put("prefix", token.prefix());
		row.put("roles", token.roles().stream().map(Role::name).sorted().toList());
		row.put("createdAt", iso(token.createdAt()));
		row.put("expiresAt", iso(token.expiresAt()));
		row.put("revokedAt", iso(token.revokedAt()));
		row.put("lastUsedAt", iso(token.lastUsedAt()));
		return row;
	}

	private static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private String t(String key, Locale locale) {
		return messages.getMessage("identity.staff-data." + key, null, locale);
	}
}
