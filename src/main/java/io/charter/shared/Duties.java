package io.charter.shared;

import java.util.List;

/**
 * Duties that come and go while Charter runs (one per policy document an administrator writes in the
 * console), contributed as one bean beside the single {@link Duty} beans of fixed duties (training).
 * Readers ask it on each request, once, and keep the answer for that request, so a document created
 * a moment ago is asked of people at once and a retired one no longer is.
 */
public interface Duties {

	/** The duties in force now, in a stable order; read from the database, so not while the context starts. */
	List<Duty> duties();
}
