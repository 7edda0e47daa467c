package io.charter.notify;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/** Posts a delivery right after its commit instead of waiting for the next timer tick. */
@Component
class WebhookTrigger {

	// Resolved on first use: the dispatcher (a scheduled, locked proxy) is created after this bean.
	private final ObjectProvider<WebhookDispatcher> dispatcher;

	WebhookTrigger(ObjectProvider<WebhookDispatcher> dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Async
	public void dispatchSoon() {
		dispatcher.getObject().dispatch();
	}
}
