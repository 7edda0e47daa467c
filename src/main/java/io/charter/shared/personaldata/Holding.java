package io.charter.shared.personaldata;

/**
 * What one module holds on a subject, with the information GDPR art. 15(1) requires, written for
 * the requester in their language.
 *
 * @param records how many records are held (0 when nothing)
 * @param purposes (a) why the data are processed, and on which legal basis
 * @param categories (b) which kinds of data
 * @param recipients (c) who receives them, including processors and any transfer outside the EEA
 *        with its safeguards (art. 15(2))
 * @param retention (d) how long they are kept, or the criteria
 * @param source (g) where they come from when not from the person
 */
public record Holding(int records, String purposes, String categories, String recipients, String retention,
		String source) {

	public static Holding none() {
		return new Holding(0, null, null, null, null, null);
	}

	public boolean holdsData() {
		return records > 0;
	}
}
