package io.charter.rights.fulfilment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.charter.rights.DataSubjectRequest;
import io.charter.rights.KeptReason;
import io.charter.rights.Letters;
import io.charter.rights.web.FulfilmentRecord;

/**
 * What an erasure or a restriction did in each module, as its fulfilment records say: what the
 * request's completion rule reads, and what the answer letter tells the requester, module by
 * module, in their language.
 */
@Component
public class FulfilmentCoverage {

	private final Fulfilment fulfilment;
	private final FulfilmentRecords records;
	private final MessageSource messages;

	FulfilmentCoverage(Fulfilment fulfilment, FulfilmentRecords records, MessageSource messages) {
		this.fulfilment = fulfilment;
		this.records = records;
		this.messages = messages;
	}

	/** The names of the modules holding personal data. */
	public Set<String> holders() {
		return fulfilment.holders().stream().map(h -> h.name()).collect(Collectors.toUnmodifiableSet());
	}

	/** The request's fulfilment records, oldest first. */
	public List<DataSubjectRequest.ModuleStep> steps(UUID requestId) {
		return records.of(requestId).stream().map(f -> new DataSubjectRequest.ModuleStep(f.holder(), f.action(), f.outcome()))
				.toList();
	}

	/**
	 * For the answer to an erasure or a restriction: per module (and per system staff recorded), what
	 * was erased or restricted and what was kept and why, from the latest record of each; empty for
	 * other requests. Starts with a blank line, so the letter's template needs no condition.
	 */
	public String letterLines(DataSubjectRequest r) {
		String required = r.requiredFulfilment();
		if (required == null) {
			return "";
		}
		Map<String, FulfilmentRecords.Told> latest = new TreeMap<>();
		for (FulfilmentRecords.Told t : records.told(r.id())) {
			String action = t.record().action();
			if (action.equals(required) || action.equals(DataSubjectRequest.EXCEPTION)) {
				latest.put(t.record().holder(), t);
			}
		}
		Locale locale = Locale.forLanguageTag(Letters.language(r.language()));
		String step = required.toLowerCase(Locale.ROOT);
		List<String> lines = new ArrayList<>();
		lines.add(text("rights.letter.modules." + step, locale));
		latest.forEach((holder, f) -> lines.add("- " + line(holder, f, step, locale)));
		return "\n\n" + String.join("\n", lines);
	}

	private String line(String holder, FulfilmentRecords.Told told, String step, Locale locale) {
		FulfilmentRecord f = told.record();
		String module = messages.getMessage("rights.letter.module." + holder, null, holder, locale);
		String detail = f.detail() == null ? "" : f.detail();
		if (f.action().equals(DataSubjectRequest.EXCEPTION)) {
			KeptReason reason = KeptReason.of(f.outcome());
			return text("rights.letter." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'), locale, module, detail)
					.strip();
		}
		// What a module kept, and why, in the requester's language, from its own bundle; for a record
		// made before modules gave texts, rights' own; the free-text detail (written for staff) only
		// for a module that gives none.
		String kept = told.letter() == null ? messages.getMessage("rights.letter.kept." + holder, null, detail, locale)
				: messages.getMessage(told.letter().key(), told.letter().arguments().toArray(), detail, locale);
		return text("rights.letter." + step + "." + f.outcome().toLowerCase(Locale.ROOT).replace('_', '-'), locale, module,
				f.records(), kept).strip();
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
