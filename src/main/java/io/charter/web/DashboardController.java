package io.charter.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.charter.shared.Attention.Severity;
import io.charter.shared.DashboardFigures.Figure;
import io.charter.shared.Role;

/**
 * The start page: the figures of the day and what needs the user's attention, as the modules report
 * them for the user's roles; for employees, what is asked of them.
 * It will hold the clause -> control table as the control modules arrive.
 */
@Controller
class DashboardController {

	static final String VIEW = "web/dashboard";

	private final Notices notices;
	private final Figures figures;

	DashboardController(Notices notices, Figures figures) {
		this.notices = notices;
		this.figures = figures;
	}

	@GetMapping("/")
	String dashboard(@ModelAttribute("ui") Ui ui, Model model) {
		model.addAttribute("notices", notices.visibleTo(ui.roles()).stream()
				.map(n -> new DashboardNotice(ui.t(n.messageKey(), n.arguments().stream().map(ui::readable).toArray()),
						n.link(), n.severity() == Severity.WARNING))
				.toList());
		var shown = figures.visibleTo(ui.roles());
		model.addAttribute("figures", shown.stream().filter(f -> !f.askedOfEmployees()).map(f -> figure(ui, f)).toList());
		model.addAttribute("asked", shown.stream().filter(Figure::askedOfEmployees).map(f -> figure(ui, f)).toList());
		model.addAttribute("employee", ui.roles().contains(Role.EMPLOYEE));
		return VIEW;
	}

	private static DashboardFigure figure(Ui ui, Figure figure) {
		return new DashboardFigure(ui.t(figure.messageKey(), figure.arguments().stream().map(ui::readable).toArray()),
				figure.link());
	}
}
