package io.charter.consent.log;

/**
 * How the visitor made the choice recorded. The choices must agree with it (see
 * {@link ConsentSubmission}): a method is a claim about the choices, checked before anything is stored.
 */
public enum ConsentMethod {
	/** "Accept all": every non-necessary category granted. */
	ACCEPT_ALL,
	/** "Refuse all": every non-necessary category refused. */
	REFUSE_ALL,
	/** The second layer, category by category: any combination. */
	CUSTOM,
	/** Global Privacy Control applied by the banner: the categories refused on GPC are refused. */
	GPC,
	/** Consent given earlier was withdrawn: at least one category refused. */
	WITHDRAW
}
