package io.charter.people;

/** A leaver keeps their history; duties (training, acknowledgements) apply to active people only. */
public enum PersonStatus {
	ACTIVE, LEAVER
}
