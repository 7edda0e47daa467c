package io.charter.training;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.people.PersonSummary;
import io.charter.shared.Confirmed;
import io.charter.shared.RuleViolation;
import io.charter.training.web.AttendanceSheet;
import io.charter.training.web.SessionRow;

/** The security team's console: sessions, their people, attendance. */
@Controller
class TrainingController {

	private final TrainingQueries queries;
	private final TrainingSteps steps;
	private final Attendance attendance;
	private final MessageSource messages;

	TrainingController(TrainingQueries queries, TrainingSteps steps, Attendance attendance, MessageSource messages) {
		this.queries = queries;
		this.steps = steps;
		this.attendance = attendance;
		this.messages = messages;
	}

	@GetMapping("/training")
	String sessions(Model model) {
		model.addAttribute("upcoming", queries.upcoming());
		model.addAttribute("past", queries.past());
		return "training/sessions";
	}

	@GetMapping("/training/sessions/new")
	String add(Model model) {
		return form(model, null, Map.of("capacity", "20", "language", "en"), Map.of());
	}

	@PostMapping("/training/sessions")
	String create(@RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
		try {
			Session session = steps.schedule(values);
			redirect.addFlashAttribute("notice", "training.saved");
			return "redirect:/training/sessions/" + session.id();
		}
		catch (TrainingSteps.InvalidSession e) {
			return form(model, null, values, e.problems);
		}
	}

	@GetMapping("/training/sessions/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		return form(model, id, queries.values(id), Map.of());
	}

	@PostMapping("/training/sessions/{id}")
	String update(@PathVariable UUID id, @RequestParam Map<String, String> values, Model model,
			RedirectAttributes redirect) {
		try {
			steps.edit(id, values);
			redirect.addFlashAttribute("notice", "training.saved");
			return "redirect:/training/sessions/" + id;
		}
		catch (TrainingSteps.InvalidSession e) {
			return form(model, id, values, e.problems);
		}
	}

	private String form(Model model, UUID id, Map<String, String> values, Map<String, String> problems) {
		Map<String, String> kept = new HashMap<>(values);
		kept.remove("_csrf");
		model.addAttribute("id", id);
		model.addAttribute("values", kept);
		model.addAttribute("errors", problems);
		return "training/edit";
	}

	@GetMapping("/training/sessions/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("session", queries.session(id));
		model.addAttribute("roster", queries.roster(id));
		if (!model.containsAttribute("sheet")) {
			model.addAttribute("sheet", null);
			model.addAttribute("csv", "");
		}
		return "training/session";
	}

	@GetMapping("/training/sessions/{id}/cancel")
	String confirmCancel(@PathVariable UUID id, Model model, Locale locale) {
		SessionRow row = queries.session(id);
		model.addAttribute("title", messages.getMessage("training.cancel-title", new Object[] { row.title() }, locale));
		model.addAttribute("consequences",
				List.of(messages.getMessage("training.cancel-tells", new Object[] { row.taken() }, locale)));
		model.addAttribute("action", "/training/sessions/" + id + "/cancel");
		model.addAttribute("submit", messages.getMessage("training.cancel-session", null, locale));
		model.addAttribute("cancelLabel", messages.getMessage("training.back", null, locale));
		model.addAttribute("cancel", "/training/sessions/" + id);
		return "layout/confirm";
	}

	@PostMapping("/training/sessions/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(name = Confirmed.FIELD, required = false) String confirmed,
			RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			return "redirect:/training/sessions/" + id + "/cancel";
		}
		steps.cancel(id);
		redirect.addFlashAttribute("notice", "training.cancelled");
		return "redirect:/training/sessions/" + id;
	}

	/** Enrols someone named by e-mail address or employee id. */
	@PostMapping("/training/sessions/{id}/enrol")
	String enrol(@PathVariable UUID id, @RequestParam(defaultValue = "") String person, RedirectAttributes redirect) {
		PersonSummary found = attendance.person(person).orElse(null);
		if (found == null) {
			redirect.addFlashAttribute("notice", "training.error.unknown-person");
			return "redirect:/training/sessions/" + id;
		}
		return outcome(id, redirect, () -> "training." + steps.enrolFor(id, found.id()).name().toLowerCase(Locale.ROOT));
	}

	@PostMapping("/training/sessions/{id}/people/{personId}/cancel")
	String cancelEnrolment(@PathVariable UUID id, @PathVariable UUID personId, RedirectAttributes redirect) {
		return outcome(id, redirect, () -> {
			steps.cancelFor(id, personId);
			return "training.enrolment-cancelled";
		});
	}

	@PostMapping("/training/sessions/{id}/people/{personId}/attendance")
	String attendance(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam boolean attended,
			RedirectAttributes redirect) {
		return outcome(id, redirect, () -> {
			steps.markAttendance(id, personId, attended);
			return "training.attendance-saved";
		});
	}

	/** Checks pasted attendance, or applies it ({@code apply}: all, or the valid rows only). */
	@PostMapping("/training/sessions/{id}/attendance")
	String attendanceSheet(@PathVariable UUID id, @RequestParam(defaultValue = "") String csv,
			@RequestParam(defaultValue = "") String apply, Model model, RedirectAttributes redirect) {
		AttendanceSheet sheet;
		try {
			sheet = apply.isEmpty() ? attendance.check(csv) : attendance.apply(id, csv, "valid".equals(apply));
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("notice", e.code());
			return "redirect:/training/sessions/" + id;
		}
		if (sheet.marked() > 0) {
			redirect.addFlashAttribute("notice", "training.attendance-saved");
			return "redirect:/training/sessions/" + id;
		}
		model.addAttribute("sheet", sheet);
		model.addAttribute("csv", csv);
		return show(id, model);
	}

	private String outcome(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> step) {
		try {
			redirect.addFlashAttribute("notice", step.get());
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("notice", e.code());
		}
		return "redirect:/training/sessions/" + id;
	}
}
