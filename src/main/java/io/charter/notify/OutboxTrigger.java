package io.charter.notify;

import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/** Starts a dispatch right after a commit instead of waiting for the next timer tick. */
@Component
class OutboxTrigger {

	private final OutboxDispatcher dispatcher;

	OutboxTrigger(@Lazy OutboxDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Async
	public void dispatchSoon() {
		dispatcher.dispatch();
	}
}
