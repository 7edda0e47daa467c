package io.charter.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.charter.shared.Attention.Severity;

/**
 * The start page: what needs the user's attention, as the modules report it for the user's roles.
 * It will hold the clause -> control table as the control modules arrive.
 */
@Controller
class DashboardController {

	static final String VIEW = "web/dashboard";

	private final Notices notices;

	DashboardController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/")
	String dashboard(@ModelAttribute("ui") Ui ui, Model model) {
		model.addAttribute("notices", notices.visibleTo(ui.roles()).stream()
				.map(n -> new DashboardNotice(ui.t(n.messageKey(), n.arguments().stream().map(ui::readable).toArray()),
						n.link(), n.severity() == Severity.WARNING))
				.toList());
		return VIEW;
	}
}
