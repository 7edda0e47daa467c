package io.charter.scanner;

/** A scan that may not start or go on: no origin, a private address, no browser. */
class ScanRefused extends RuntimeException {

	ScanRefused(String reason) {
		super(reason);
	}
}
