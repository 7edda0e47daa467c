package io.charter.notify;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Administrators and auditors read what Charter sent or would have sent; one-time links only
 * masked, with whether they still work.
 */
@Controller
class OutboxController {

	private final OutboxReading outbox;
	private final Notifications notifications;

	OutboxController(OutboxReading outbox, Notifications notifications) {
		this.outbox = outbox;
		this.notifications = notifications;
	}

	@GetMapping("/admin/outbox")
	String outbox(Model model) {
		model.addAttribute("messages", outbox.latest(200));
		model.addAttribute("smtpConfigured", notifications.smtpConfigured());
		return "notify/outbox";
	}
}
