package io.charter.scanner;

/** The scan was cancelled, or ran out of its time: it stops with what it saw. */
class ScanStopped extends RuntimeException {

	ScanStopped() {
		super("scan stopped", null, false, false);
	}
}
