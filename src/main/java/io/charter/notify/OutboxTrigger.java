package io.charter.notify;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/** Starts a dispatch right after a commit instead of waiting for the next timer tick. */
@Component
class OutboxTrigger {

	// Resolved on first use: the dispatcher (a scheduled, locked proxy) is created after this bean.
	private final ObjectProvider<OutboxDispatcher> dispatcher;

	OutboxTrigger(ObjectProvider<OutboxDispatcher> dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Async
	public void dispatchSoon() {
		dispatcher.getObject().dispatch();
	}
}
