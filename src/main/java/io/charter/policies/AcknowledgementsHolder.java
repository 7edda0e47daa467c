package io.charter.policies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * A person's policy acknowledgements for data-subject requests, found through the directory by
 * e-mail address. They are evidence that the person was told the policy, so erasure keeps them: they
 * name only the directory id, which the directory's own erasure anonymises.
 */
@Component
class AcknowledgementsHolder implements PersonalDataHolder {

	private final Directory directory;
	private final Acknowledgements acknowledgements;
	private final MessageSource messages;

	AcknowledgementsHolder(Directory directory, Acknowledgements acknowledgements, MessageSource messages) {
		this.directory = directory;
		this.acknowledgements = acknowledgements;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "policies";
	}

	@Override
	@Transactional(readOnly = true)
	public Holding find(DataSubject subject) {
		int held = directory.byEmail(subject.email()).map(p -> acknowledgements.of(p.id()).size()).orElse(0);
		if (held == 0) {
			return Holding.none();
		}
		Locale locale = subject.locale();
		return new Holding(held, text("policies.holding.purposes", locale), text("policies.holding.categories", locale),
				text("policies.holding.recipients", locale), text("policies.holding.retention", locale),
				text("policies.holding.source", locale));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dataset> export(DataSubject subject) {
		return directory.byEmail(subject.email()).map(p -> acknowledgements.of(p.id())).filter(list -> !list.isEmpty())
				.map(list -> List.of(new Dataset("policy-acknowledgements", list.stream().map(a -> {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("policy", a.documentId());
					row.put("version", a.version());
					row.put("textSha256", a.textSha256());
					row.put("acknowledgedAt", a.at().toString());
					return row;
				}).toList()))).orElse(List.of());
	}

	@Override
	@Transactional(readOnly = true)
	public Outcome erase(DataSubject subject) {
		int held = directory.byEmail(subject.email()).map(p -> acknowledgements.of(p.id()).size()).orElse(0);
		return held == 0 ? Outcome.nothingHeld()
				: Outcome.partly(held, "Policy acknowledgements kept as evidence; they name only the directory id,"
						+ " which the directory's erasure anonymises.").saying("policies.erasure.letter");
	}

	@Override
	public Outcome restrict(DataSubject subject) {
		return Outcome.notApplicable("Acknowledgements are only kept as evidence; nothing else is done with them.");
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
