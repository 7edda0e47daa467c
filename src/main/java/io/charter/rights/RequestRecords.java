package io.charter.rights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * The rights module answers for its own data like any other module: the requests a person made.
 * They are kept as proof that each request was handled (GDPR art. 5(2)), so an erasure leaves them
 * and says so; they are anonymised when the retention period after closing ends.
 */
@Component
class RequestRecords implements PersonalDataHolder {

	private final DataSubjectRequests requests;
	private final MessageSource messages;
	private final RightsSettings settings;

	RequestRecords(DataSubjectRequests requests, MessageSource messages, RightsSettings settings) {
		this.requests = requests;
		this.messages = messages;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "rights";
	}

	@Override
	@Transactional(readOnly = true)
	public Holding find(DataSubject subject) {
		int count = requests.byEmail(subject.email()).size();
		if (count == 0) {
			return Holding.none();
		}
		Locale locale = Locale.forLanguageTag(Letters.language(subject.language()));
		return new Holding(count, t("rights.holder.purposes", locale), t("rights.holder.categories", locale),
				t("rights.holder.recipients", locale),
				messages.getMessage("rights.holder.retention", new Object[] { settings.retention().toDays() }, locale),
				t("rights.holder.source", locale));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dataset> export(DataSubject subject) {
		List<Map<String, Object>> rows = requests.byEmail(subject.email()).stream().map(r -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("reference", r.reference);
			row.put("type", r.type.name());
			row.put("channel", r.channel.name());
			row.put("name", r.name);
			row.put("email", r.email);
			row.put("language", r.language);
			row.put("visitorId", r.visitorId);
			row.put("details", r.details);
			row.put("receivedOn", r.receivedOn.toString());
			row.put("dueOn", r.dueOn.toString());
			row.put("status", r.status.name());
			row.put("identityCheckedBy", r.verificationMeans);
			row.put("closedAt", r.closedAt == null ? null : r.closedAt.toString());
			return row;
		}).toList();
		return rows.isEmpty() ? List.of() : List.of(new Dataset("requests", rows));
	}

	@Override
	@Transactional(readOnly = true)
	public Outcome erase(DataSubject subject) {
		int count = requests.byEmail(subject.email()).size();
		if (count == 0) {
			return Outcome.nothingHeld();
		}
		return Outcome.partly(0, count + " request record(s) kept as proof that the requests were handled (GDPR art. 5(2),"
				+ " 17(3)(b)); anonymised " + settings.retention().toDays() + " days after closing.")
				.saying("rights.letter.kept.rights");
	}

	@Override
	public Outcome restrict(DataSubject subject) {
		return Outcome.notApplicable("Request records serve only to handle and prove requests.")
				.saying("rights.letter.not-applicable.rights");
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
