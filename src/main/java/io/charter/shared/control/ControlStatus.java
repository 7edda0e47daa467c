package io.charter.shared.control;

/** Where a control stands, from best to worst; "not measured" is never read as passing. */
public enum ControlStatus {
	PASSING, ATTENTION, FAILING, NOT_MEASURED;

	/** How far below its target a share still reads as needing attention rather than failing. */
	public static final double ATTENTION_MARGIN = 0.05;

	/** The status of a share of items against a target. */
	public static ControlStatus ofShare(long met, long of, double target) {
		if (of == 0) {
			return NOT_MEASURED;
		}
		double share = (double) met / of;
		if (share >= target) {
			return PASSING;
		}
		return share >= target - ATTENTION_MARGIN ? ATTENTION : FAILING;
	}
}
