package io.charter.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.modulith.events.ApplicationModuleListener;

import io.charter.identity.IdentityEvent;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * Not a bean: only its dependencies matter. What it tells a requester is in its own bundle
 * ({@code i18n/sample}), as a module's would be. It answers data-subject requests for its own records and
 * forgets them when identity says an account was erased.
 */
class SampleRecords implements PersonalDataHolder {

	private final Map<String, String> notesByEmail = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return "sample";
	}

	@Override
	public Holding find(DataSubject subject) {
		return notesByEmail.containsKey(subject.email())
				? new Holding(1, "tests", "a note", "nobody", "until the test ends", "the test")
				: Holding.none();
	}

	@Override
	public List<Dataset> export(DataSubject subject) {
		String note = notesByEmail.get(subject.email());
		return note == null ? List.of() : List.of(new Dataset("notes", List.of(Map.of("note", note))));
	}

	@Override
	public Outcome erase(DataSubject subject) {
		return notesByEmail.remove(subject.email()) == null ? Outcome.nothingHeld() : Outcome.done(1, "note deleted")
				.saying("sample.note-deleted");
	}

	@Override
	public Outcome restrict(DataSubject subject) {
		return Outcome.notApplicable("tests only").saying("sample.tests-only");
	}

	/** An erased staff account takes its notes with it (the sample keeps no user ids, so all of them). */
	@ApplicationModuleListener
	void on(IdentityEvent.UserErased event) {
		notesByEmail.clear();
	}
}
