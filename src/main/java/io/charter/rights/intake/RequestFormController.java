package io.charter.rights.intake;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.organisation.Organisation;
import io.charter.rights.NewRequest;
import io.charter.rights.RequestType;
import io.charter.rights.web.RequestForm;
import io.charter.shared.ClientKey;

/**
 * The public side: the request form (no JavaScript needed), the confirmation, withdrawal and
 * download links. Bad input is answered on the form and nothing is stored. Links only show a page
 * on GET (a mail scanner may fetch them); the button on it POSTs the step.
 */
@Controller
class RequestFormController {

	static final String FORM = "rights/form";
	static final String SENT = "rights/sent";
	static final String VERIFY = "rights/verify";
	static final String DOWNLOAD = "rights/download";
	static final String WITHDRAW = "rights/withdraw";

	private final RequestIntake intake;
	private final Organisation organisation;

	RequestFormController(RequestIntake intake, Organisation organisation) {
		this.intake = intake;
		this.organisation = organisation;
	}

	/** The public pages are the organisation's, not the software's: their title and footer name it. */
	@ModelAttribute("owner")
	String owner() {
		return organisation.profile().legalName(LocaleContextHolder.getLocale());
	}

	@GetMapping("/privacy/requests")
	String form(@RequestParam(required = false) String visitor, @RequestParam(required = false) String expired,
			Model model) {
		String visitorId = visitor != null && visitor.matches(NewRequest.VISITOR_PATTERN) ? visitor : "";
		return form(model, RequestForm.empty(visitorId), Map.of(), expired != null ? "rights.form.expired" : null);
	}

	@PostMapping("/privacy/requests")
	String submit(@ModelAttribute RequestForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		if (!intake.allowSubmission(ClientKey.of(request.getRemoteAddr()))) {
			response.setStatus(429);
			return form(model, form, Map.of(), "rights.form.too-many");
		}
		if (form.filledByRobot()) {
			// Looks like success to the robot; nothing is stored or sent.
			return "redirect:/privacy/requests/sent";
		}
		String language = LocaleContextHolder.getLocale().getLanguage();
		NewRequest candidate = form.toRequest(language);
		List<String> invalid = candidate.invalidFields();
		if (!invalid.isEmpty()) {
			response.setStatus(400);
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			invalid.forEach(field -> errors.put(field, "rights.form.error." + field));
			return form(model, form, errors, "rights.form.invalid");
		}
		String reference = intake.submit(candidate);
		redirect.addFlashAttribute("reference", reference);
		return "redirect:/privacy/requests/sent";
	}

	@GetMapping("/privacy/requests/sent")
	String sent(Model model) {
		if (!model.containsAttribute("reference")) {
			model.addAttribute("reference", null);
		}
		model.addAttribute("days", intake.verificationDays());
		model.addAttribute("complaint", intake.complaint(LocaleContextHolder.getLocale().getLanguage()));
		return SENT;
	}

	@GetMapping("/privacy/requests/verify/{secret}")
	String verify(@PathVariable String secret, @RequestParam(required = false) String expired, Model model) {
		var pending = intake.pendingConfirmation(secret);
		model.addAttribute("secret", secret);
		model.addAttribute("pending", pending.orElse(null));
		model.addAttribute("confirmed", null);
		model.addAttribute("expired", expired != null);
		model.addAttribute("complaint", intake.complaint(LocaleContextHolder.getLocale().getLanguage()));
		return VERIFY;
	}

	@PostMapping("/privacy/requests/verify/{secret}")
	String confirm(@PathVariable String secret, Model model) {
		var confirmed = intake.confirm(secret);
		model.addAttribute("secret", secret);
		model.addAttribute("pending", null);
		model.addAttribute("confirmed", confirmed.orElse(null));
		model.addAttribute("expired", false);
		model.addAttribute("complaint", intake.complaint(LocaleContextHolder.getLocale().getLanguage()));
		return VERIFY;
	}

	@GetMapping("/privacy/requests/withdraw/{secret}")
	String withdrawal(@PathVariable String secret, @RequestParam(required = false) String expired, Model model) {
		return withdrawal(model, secret, intake.withdrawal(secret).orElse(null), expired != null);
	}

	@PostMapping("/privacy/requests/withdraw/{secret}")
	String withdraw(@PathVariable String secret, Model model) {
		return withdrawal(model, secret, intake.withdraw(secret).orElse(null), false);
	}

	@GetMapping("/privacy/requests/download/{secret}")
	String download(@PathVariable String secret, Model model) {
		model.addAttribute("secret", secret);
		model.addAttribute("download", intake.download(secret).orElse(null));
		model.addAttribute("complaint", intake.complaint(LocaleContextHolder.getLocale().getLanguage()));
		return DOWNLOAD;
	}

	@GetMapping("/privacy/requests/download/{secret}/file")
	ResponseEntity<byte[]> file(@PathVariable String secret) {
		return intake.downloadFile(secret).map(f -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/zip"))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(f.reference().toLowerCase(java.util.Locale.ROOT) + "-personal-data.zip").build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(f.content()))
				// The page explains that the link is unknown or expired.
				.orElseGet(() -> ResponseEntity.status(303)
						.location(java.net.URI.create("/privacy/requests/download/" + (secret.matches("[A-Za-z0-9_-]{1,64}") ? secret : "x")))
						.build());
	}

	private String withdrawal(Model model, String secret, RequestIntake.Withdrawal request, boolean expired) {
		model.addAttribute("secret", secret);
		model.addAttribute("request", request);
		model.addAttribute("expired", expired);
		model.addAttribute("complaint", intake.complaint(LocaleContextHolder.getLocale().getLanguage()));
		return WITHDRAW;
	}

	private String form(Model model, RequestForm form, Map<String, String> errors, String message) {
		model.addAttribute("form", form);
		model.addAttribute("types", List.of(RequestType.values()));
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("complaint", intake.complaint(LocaleContextHolder.getLocale().getLanguage()));
		model.addAttribute("privacy", intake.notice(LocaleContextHolder.getLocale().getLanguage()));
		return FORM;
	}
}
