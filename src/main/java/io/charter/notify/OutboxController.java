package io.charter.notify;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators and auditors read what Charter sent or would have sent; one-time links only
 * masked, with whether they still work; other links in a message can be followed. Searched by
 * recipient or subject, filtered by status and template.
 */
@Controller
class OutboxController {

	/** The page shows the latest messages that match; a search reaches older ones. */
	static final int LIMIT = 200;

	private final OutboxReading outbox;
	private final Notifications notifications;

	OutboxController(OutboxReading outbox, Notifications notifications) {
		this.outbox = outbox;
		this.notifications = notifications;
	}

	@GetMapping("/admin/outbox")
	String outbox(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String template, Model model) {
		OutboxSearch search = new OutboxSearch(q, status, template);
		model.addAttribute("search", search);
		model.addAttribute("templates", outbox.templates());
		model.addAttribute("messages", outbox.latest(search, LIMIT));
		model.addAttribute("smtpConfigured", notifications.smtpConfigured());
		return "notify/outbox";
	}
}
