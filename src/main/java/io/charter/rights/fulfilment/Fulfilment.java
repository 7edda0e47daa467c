package io.charter.rights.fulfilment;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * Calls every {@link PersonalDataHolder} in turn, in name order. Not transactional: each module
 * works in its own transaction, and a module that fails is reported (by the class of its error,
 * which carries no personal data) without stopping the others.
 */
@Component
public class Fulfilment {

	private static final Logger log = LoggerFactory.getLogger(Fulfilment.class);

	enum Action {
		ERASE, RESTRICT, WITHDRAW
	}

	public record Found(String holder, Holding holding, String error) {
	}

	record Exported(String holder, Holding holding, List<Dataset> datasets, String error) {

		int records() {
			return datasets.stream().mapToInt(d -> d.rows().size()).sum();
		}
	}

	record Applied(String holder, Outcome outcome, String error) {
	}

	private final ObjectProvider<PersonalDataHolder> holders;

	Fulfilment(ObjectProvider<PersonalDataHolder> holders) {
		this.holders = holders;
	}

	List<PersonalDataHolder> holders() {
		return holders.stream().sorted(Comparator.comparing(PersonalDataHolder::name)).toList();
	}

	public List<Found> find(DataSubject subject) {
		return holders().stream().map(h -> call(h, "find", () -> new Found(h.name(), h.find(subject), null),
				e -> new Found(h.name(), Holding.none(), e))).toList();
	}

	List<Exported> export(DataSubject subject) {
		return holders().stream().map(h -> call(h, "export",
				() -> new Exported(h.name(), h.find(subject), List.copyOf(h.export(subject)), null),
				e -> new Exported(h.name(), Holding.none(), List.of(), e))).toList();
	}

	List<Applied> apply(Action action, DataSubject subject) {
		return holders().stream().map(h -> call(h, action.name(), () -> new Applied(h.name(), switch (action) {
			case ERASE -> h.erase(subject);
			case RESTRICT -> h.restrict(subject);
			case WITHDRAW -> h.withdrawConsent(subject);
		}, null), e -> new Applied(h.name(), null, e))).toList();
	}

	private static <T> T call(PersonalDataHolder holder, String what, java.util.function.Supplier<T> work,
			Function<String, T> failed) {
		try {
			return work.get();
		}
		catch (RuntimeException e) {
			log.warn("Personal data holder {} failed to {}: {}", holder.name(), what, e.getClass().getName());
			return failed.apply(e.getClass().getSimpleName());
		}
	}
}
