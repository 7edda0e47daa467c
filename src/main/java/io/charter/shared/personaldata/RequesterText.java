package io.charter.shared.personaldata;

import java.util.List;

/**
 * A text for the requester's letter, as a message key the holder's module defines in its own bundle
 * (every module's bundle is in the one message source) with its arguments, so that the letter says
 * it in the requester's language rather than in the holder's free-text detail.
 *
 * @param arguments strings and numbers only: they are stored with the record until the letter goes out
 */
public record RequesterText(String key, List<Object> arguments) {

	public RequesterText {
		arguments = List.copyOf(arguments);
	}
}
