package io.charter.devices;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.devices.web.IssuedSecretView;
import io.charter.shared.Confirmed;
import io.charter.shared.RuleViolation;

/**
 * The devices in the console: the inventory and each device's checks (SECURITY and ADMIN assign
 * owners, AUDITOR reads), and the enroll secrets SECURITY creates, rotates and revokes. A new
 * secret reaches the next page as a flash attribute, shown once and never cached.
 */
@Controller
class DevicesController {

	private static final String SECRETS = "redirect:/devices/enroll-secrets";
	private static final String ISSUED = "issued";

	private final DeviceSteps steps;
	private final SoftwareSteps software;

	private final CheckSteps checkSteps;

	DevicesController(DeviceSteps steps, SoftwareSteps software, CheckSteps checkSteps) {
		this.checkSteps = checkSteps;
		this.steps = steps;
		this.software = software;
	}

	@GetMapping("/devices")
	String list(Model model) {
		model.addAttribute("devices", steps.devices());
		model.addAttribute("controls", steps.controls());
		model.addAttribute("staleBefore", steps.staleBefore());
		return "devices/devices";
	}

	@GetMapping("/devices/{id}")
	String show(@PathVariable UUID id, Model model) {
		return device(id, model, null);
	}

	@PostMapping("/devices/{id}/owner")
	String assign(@PathVariable UUID id, @RequestParam(required = false) String owner, Model model,
			RedirectAttributes redirect) {
		try {
			steps.assign(id, owner);
		}
		catch (RuleViolation e) {
			model.addAttribute("ownerError", "devices.owner-unknown");
			return device(id, model, owner);
		}
		redirect.addFlashAttribute("notice", "devices.owner-saved");
		return "redirect:/devices/" + id;
	}

	private String device(UUID id, Model model, String ownerTyped) {
		model.addAttribute("device", steps.device(id));
		model.addAttribute("checks", steps.checks(id));
		model.addAttribute("history", checkSteps.history(id));
		model.addAttribute("titles", checkSteps.titles(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		model.addAttribute("software", software.ofDevice(id));
		model.addAttribute("ownerTyped", ownerTyped);
		model.addAttribute("reported", steps.reportedUser(id));
		return "devices/device";
	}

	/** What revoking a device does, before it is done. */
	@GetMapping("/devices/{id}/revoke")
	String confirmRevoke(@PathVariable UUID id, Model model) {
		model.addAttribute("device", steps.device(id));
		return "devices/confirm-revoke";
	}

	@PostMapping("/devices/{id}/revoke")
	String revoke(@PathVariable UUID id, @RequestParam(name = Confirmed.FIELD, required = false) String confirmed,
			RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			return "redirect:/devices/" + id + "/revoke";
		}
		steps.revoke(id);
		redirect.addFlashAttribute("notice", "devices.device-revoked");
		return "redirect:/devices/" + id;
	}

	@GetMapping("/devices/enroll-secrets")
	String secrets(Model model, HttpServletResponse response) {
		if (model.containsAttribute(ISSUED)) {
			// The secret is on this answer only: never cached, never shown again.
			response.setHeader("Cache-Control", "no-store");
		}
		model.addAttribute("secrets", steps.secrets());
		return "devices/secrets";
	}

	@PostMapping("/devices/enroll-secrets")
	String create(@RequestParam(required = false) String name, Model model, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute(ISSUED, shown(steps.createSecret(name)));
			return SECRETS;
		}
		catch (RuleViolation e) {
			model.addAttribute("secrets", steps.secrets());
			model.addAttribute("name", name);
			model.addAttribute("nameError", "devices.secret-name-invalid");
			return "devices/secrets";
		}
	}

	/** What rotating or revoking a secret does, before it is done. */
	@GetMapping("/devices/enroll-secrets/{id}/{action:rotate|revoke}")
	String confirm(@PathVariable UUID id, @PathVariable String action, Model model) {
		model.addAttribute("secret", steps.secrets().stream().filter(s -> s.id().equals(id) && s.active()).findFirst()
				.orElseThrow(() -> new io.charter.shared.NotFound("No such active enroll secret.")));
		model.addAttribute("action", action);
		return "devices/confirm";
	}

	@PostMapping("/devices/enroll-secrets/{id}/{action:rotate|revoke}")
	String change(@PathVariable UUID id, @PathVariable String action,
			@RequestParam(name = Confirmed.FIELD, required = false) String confirmed, RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			return "redirect:/devices/enroll-secrets/" + id + "/" + action;
		}
		if (action.equals("rotate")) {
			redirect.addFlashAttribute(ISSUED, shown(steps.rotateSecret(id)));
		}
		else {
			steps.revokeSecret(id);
			redirect.addFlashAttribute("notice", "devices.secret-revoked");
		}
		return SECRETS;
	}

	private static IssuedSecretView shown(DeviceSteps.IssuedSecret issued) {
		return new IssuedSecretView(issued.secret().name(), issued.value());
	}
}
