package io.charter.shared.personaldata;

import java.util.List;

/**
 * Implemented, as a Spring bean, by every module that holds personal data, so that data-subject
 * requests reach all of it without the rights module reading anyone's tables. The rights module
 * collects every bean of this type and calls each in turn, each call in the implementing module's
 * own transaction; a failure in one module is recorded and does not stop the others.
 *
 * <p>A subject is identified by e-mail address and, when the requester gave it, the random visitor
 * id of the cookie banner. Match on either. The requester's name ({@link DataSubject#name()}) serves
 * only records kept without an address. Methods must be idempotent: staff may run a step again
 * after a failure.
 */
public interface PersonalDataHolder {

	/**
	 * A short, stable name for the records of a request and the folder in a response package, e.g.
	 * {@code consent}: lower-case letters, digits and hyphens.
	 */
	String name();

	/**
	 * What is held on the subject and why: the information of GDPR art. 15(1), in the subject's
	 * language ({@link DataSubject#language()}). {@link Holding#none()} when nothing is held.
	 */
	Holding find(DataSubject subject);

	/**
	 * Every record held on the subject, for access (art. 15(3)) and portability (art. 20), as
	 * datasets of rows. Values are JSON-able: strings, numbers, booleans, null, ISO-8601 dates and
	 * times as strings, lists and maps of those.
	 */
	List<Dataset> export(DataSubject subject);

	/**
	 * Erases or irreversibly anonymises what is held on the subject (art. 17). What must be kept
	 * (art. 17(3), e.g. a legal obligation) is kept and named, with its reason, in the outcome.
	 */
	Outcome erase(DataSubject subject);

	/**
	 * Restricts processing (art. 18) or honours an objection (art. 21): the data are flagged and
	 * excluded from any processing but storage until the restriction is lifted.
	 */
	Outcome restrict(DataSubject subject);

	/**
	 * Records the withdrawal of consent (art. 7(3)) where the module processes on the basis of
	 * consent. Modules that do not rely on consent keep the default.
	 */
	default Outcome withdrawConsent(DataSubject subject) {
		return Outcome.notApplicable("No processing based on consent.");
	}
}
