package io.charter.organisation;

import io.charter.shared.NotFound;

/** The admin answered a question that is not open (answered already, or never asked): a 404. */
class QuestionNotOpen extends NotFound {

	QuestionNotOpen(String question) {
		super("No open question " + question);
	}
}
