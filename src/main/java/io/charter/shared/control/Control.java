package io.charter.shared.control;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One control and how it stands: "203 of 212 active people trained in the last 12 months".
 *
 * @param id stable and unique among controls, lower case ({@code training-12-months},
 *        {@code device-screen-lock})
 * @param titleKey the control's name, a key of the contributing module's bundle
 * @param clauses the policy clauses it serves ({@code S1}, {@code C7}); at least one
 * @param status where it stands; {@link ControlStatus#NOT_MEASURED} when nothing can be counted yet
 * @param met how many items meet the control (people trained, devices passing)
 * @param of how many items it applies to, exempted ones included
 * @param exempted how many of the items not met are covered by an exemption in force: counted
 *        apart, never as met
 * @param target the share of items that must meet it (0.95), or null for a control judged
 *        otherwise (an open incident, a session missing)
 * @param figureKey the figure's text in the contributing module's bundle; its arguments are
 *        {@code met}, {@code of}, {@code exempted} then {@code arguments}
 * @param arguments further counts, dates or names, never personal data
 * @param link the page that lists the items; a path of Charter, or null
 */
public record Control(String id, String titleKey, Set<String> clauses, ControlStatus status, long met, long of,
		long exempted, Double target, String figureKey, List<Object> arguments, String link) {

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern CLAUSE = Pattern.compile("[A-Z][0-9]{1,2}");

	public Control {
		Objects.requireNonNull(id, "id");
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("A control id is lower case words joined by hyphens: " + id);
		}
		Objects.requireNonNull(titleKey, "titleKey");
		Objects.requireNonNull(figureKey, "figureKey");
		Objects.requireNonNull(status, "status");
		clauses = Set.copyOf(clauses);
		if (clauses.isEmpty() || !clauses.stream().allMatch(c -> CLAUSE.matcher(c).matches())) {
			throw new IllegalArgumentException("A control serves at least one clause like S1 or C7: " + clauses);
		}
		if (met < 0 || exempted < 0 || met + exempted > of) {
			throw new IllegalArgumentException(
					"Met (" + met + ") and exempted (" + exempted + ") are items among " + of);
		}
		if (target != null && !(target > 0 && target <= 1)) {
			throw new IllegalArgumentException("A target is a share above 0 and at most 1: " + target);
		}
		arguments = List.copyOf(arguments);
		if (link != null && !link.startsWith("/")) {
			throw new IllegalArgumentException("A control links a path of Charter: " + link);
		}
	}

	/**
	 * A control measured as a share of items against a target: passing at or above the target,
	 * attention within {@link ControlStatus#ATTENTION_MARGIN} below it, failing further below, not
	 * measured while it applies to nothing.
	 */
	public static Control share(String id, String titleKey, Set<String> clauses, long met, long of, long exempted,
			double target, String figureKey, String link) {
		return new Control(id, titleKey, clauses, ControlStatus.ofShare(met, of, target), met, of, exempted, target,
				figureKey, List.of(), link);
	}

	/** A control whose module cannot count it yet (no device enrolled, nothing scanned). */
	public static Control notMeasured(String id, String titleKey, Set<String> clauses, String figureKey,
			String link) {
		return new Control(id, titleKey, clauses, ControlStatus.NOT_MEASURED, 0, 0, 0, null, figureKey, List.of(),
				link);
	}

	/** The share of items met, or null while it applies to nothing. */
	public Double share() {
		return of == 0 ? null : (double) met / of;
	}

	/** The figure's arguments in the order the bundle's text reads them. */
	public List<Object> figureArguments() {
		var all = new java.util.ArrayList<Object>(List.of(met, of, exempted));
		all.addAll(arguments);
		return List.copyOf(all);
	}
}
