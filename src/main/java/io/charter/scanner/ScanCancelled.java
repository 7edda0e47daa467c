package io.charter.scanner;

/** The scan was cancelled, or ran out of its time: it stops with what it saw. */
class ScanCancelled extends RuntimeException {

	ScanCancelled() {
		super("scan cancelled", null, false, false);
	}
}
