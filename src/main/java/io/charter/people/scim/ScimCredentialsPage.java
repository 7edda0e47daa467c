package io.charter.people.scim;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.people.web.ScimCredentialsView;
import io.charter.shared.Confirmed;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/** The administrators' page of SCIM credentials: list, issue (the secret shown once), revoke. */
@Controller
class ScimCredentialsPage {

	static final String PATH = "/people/scim-credentials";
	private static final String ISSUED = "issued";

	private final ScimCredentials credentials;
	private final MessageSource messages;

	ScimCredentialsPage(ScimCredentials credentials, MessageSource messages) {
		this.credentials = credentials;
		this.messages = messages;
	}

	@GetMapping(PATH)
	String list(Model model, HttpServletResponse response) {
		ScimCredentials.Issued issued = (ScimCredentials.Issued) model.getAttribute(ISSUED);
		if (issued != null) {
			// The secret is on this answer only: never cached, never shown again.
			response.setHeader("Cache-Control", "no-store");
		}
		List<ScimCredentialsView.Row> rows = credentials.list().stream().map(c -> new ScimCredentialsView.Row(c.id(),
				c.name(), c.prefix(), c.createdAt(), c.lastUsedAt(), c.revokedAt())).toList();
		model.addAttribute("view", new ScimCredentialsView(rows, issued == null ? null : issued.credential().name(),
				issued == null ? null : issued.secret(), (String) model.getAttribute("name"),
				(String) model.getAttribute("failure"), (String) model.getAttribute("notice")));
		return "people/scim-credentials";
	}

	/** Post/redirect/get: the secret goes to the next page as a flash attribute, so a reload issues nothing. */
	@PostMapping(PATH)
	String issue(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute(ISSUED, credentials.issue(name));
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("failure", "scim-credentials.error.name");
			redirect.addFlashAttribute("name", name);
		}
		return "redirect:" + PATH;
	}

	@GetMapping(PATH + "/{id}/revoke")
	String confirmRevocation(@PathVariable UUID id, Model model, Locale locale) {
		ScimStore.Credential credential = credentials.list().stream().filter(c -> c.id().equals(id)).findFirst()
				.orElseThrow(() -> new NotFound("No SCIM credential " + id));
		model.addAttribute("title", messages.getMessage("scim-credentials.revoke-title",
				new Object[] { credential.name() }, locale));
		model.addAttribute("consequences", List.of(messages.getMessage("scim-credentials.revoke-stops", null, locale)));
		model.addAttribute("action", PATH + "/" + id + "/revoke");
		model.addAttribute("submit", messages.getMessage("scim-credentials.revoke", null, locale));
		model.addAttribute("cancelLabel", messages.getMessage("scim-credentials.back", null, locale));
		model.addAttribute("cancel", PATH);
		return "layout/confirm";
	}

	/** Revokes once confirmed on its page; a bare request is sent there. */
	@PostMapping(PATH + "/{id}/revoke")
	String revoke(@PathVariable UUID id, @RequestParam(name = Confirmed.FIELD, required = false) String confirmed,
			RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			return "redirect:" + PATH + "/" + id + "/revoke";
		}
		credentials.revoke(id);
		redirect.addFlashAttribute("notice", "scim-credentials.revoked");
		return "redirect:" + PATH;
	}
}
