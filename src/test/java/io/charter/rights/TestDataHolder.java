package io.charter.rights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * A module that holds personal data, for the tests, the way the consent module will: visits by the
 * banner's visitor id and newsletter subscriptions by e-mail address.
 */
public final class TestDataHolder implements PersonalDataHolder {

	public final Map<String, List<Map<String, Object>>> visitsByVisitor = new ConcurrentHashMap<>();
	public final Map<String, String> subscriptionsByEmail = new ConcurrentHashMap<>();
	public final Set<String> restricted = ConcurrentHashMap.newKeySet();
	public final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
	public volatile boolean failing;

	public void addVisit(String visitorId, String page) {
		Map<String, Object> visit = new LinkedHashMap<>();
		visit.put("visitorId", visitorId);
		visit.put("page", page);
		visit.put("choices", Map.of("analytics", false, "marketing", true));
		visitsByVisitor.computeIfAbsent(visitorId, k -> new ArrayList<>()).add(visit);
	}

	@Override
	public String name() {
		return "test-visitors";
	}

	@Override
	public Holding find(DataSubject subject) {
		int records = records(subject);
		return records == 0 ? Holding.none() : new Holding(records, "Measuring visits (consent)", "Pages, choices",
				"Nobody", "13 months", "Your browser");
	}

	@Override
	public List<Dataset> export(DataSubject subject) {
		if (failing) {
			throw new IllegalStateException("the test module is down");
		}
		List<Dataset> out = new ArrayList<>();
		List<Map<String, Object>> visits = subject.hasVisitorId() ? visitsByVisitor.getOrDefault(subject.visitorId(), List.of())
				: List.of();
		if (!visits.isEmpty()) {
			out.add(new Dataset("visits", visits));
		}
		String list = subscriptionsByEmail.get(subject.email());
		if (list != null) {
			out.add(new Dataset("subscriptions", List.of(Map.of("email", subject.email(), "list", list))));
		}
		return out;
	}

	@Override
	public Outcome erase(DataSubject subject) {
		if (failing) {
			throw new IllegalStateException("the test module is down");
		}
		int records = records(subject);
		if (records == 0) {
			return Outcome.nothingHeld();
		}
		if (subject.hasVisitorId()) {
			visitsByVisitor.remove(subject.visitorId());
		}
		subscriptionsByEmail.remove(subject.email());
		return Outcome.done(records, "visits and subscriptions deleted");
	}

	@Override
	public Outcome restrict(DataSubject subject) {
		int records = records(subject);
		if (records == 0) {
			return Outcome.nothingHeld();
		}
		restricted.add(subject.email());
		return Outcome.done(records, "flagged as restricted");
	}

	@Override
	public Outcome withdrawConsent(DataSubject subject) {
		withdrawn.add(subject.hasVisitorId() ? subject.visitorId() : subject.email());
		return Outcome.done(1, "refusal recorded");
	}

	private int records(DataSubject subject) {
		int visits = subject.hasVisitorId() ? visitsByVisitor.getOrDefault(subject.visitorId(), List.of()).size() : 0;
		return visits + (subscriptionsByEmail.containsKey(subject.email()) ? 1 : 0);
	}
}
