package io.charter.policies;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import io.charter.policies.web.DiffLine;
import io.charter.policies.web.DocumentRow;
import io.charter.policies.web.PolicyPage;
import io.charter.policies.web.VersionRow;
import io.charter.shared.Confirmed;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/**
 * The policies in the console: SECURITY and ADMIN write a draft (with a preview) and publish it after
 * a confirmation; AUDITOR reads the versions and their differences.
 */
@Controller
class PoliciesController {

	private final PolicyDocuments documents;
	private final Acknowledgements acknowledgements;
	private final PolicySteps steps;
	private final MessageSource messages;

	PoliciesController(PolicyDocuments documents, Acknowledgements acknowledgements, PolicySteps steps,
			MessageSource messages) {
		this.messages = messages;
		this.documents = documents;
		this.acknowledgements = acknowledgements;
		this.steps = steps;
	}

	@GetMapping("/policies")
	String list(Model model) {
		model.addAttribute("documents", documents.documents().stream()
				.map(d -> new DocumentRow(d.id(), d.title(LocaleContextHolder.getLocale()), d.retired())).toList());
		return "policies/policies";
	}

	@GetMapping("/policies/new")
	String newDocument(Model model) {
		return newDocumentPage(model, Map.of("required", "true"), Map.of());
	}

	/**
	 * Creates the document with its first version as a draft, then shows it: publishing that draft
	 * (the usual confirmation) asks it of people. Refused fields come back marked, as typed.
	 */
	@PostMapping("/policies/new")
	String createDocument(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		try {
			int version = steps.createDocument(form.get("key"), form.get("titleEn"), form.get("titleFr"),
					form.get("titleNl"), form.get("clauses"), form.containsKey("required"), form.get("markdown"));
			redirect.addFlashAttribute("notice", "policies.new.created");
			return "redirect:/policies/" + form.get("key").strip() + "?version=" + version;
		}
		catch (InvalidDocument refused) {
			return newDocumentPage(model, form, refused.errors());
		}
	}

	@PostMapping("/policies/{documentId}/retire")
	String retire(@PathVariable String documentId,
			@RequestParam(name = Confirmed.FIELD, required = false) String confirmed, Model model,
			RedirectAttributes redirect) {
		var document = documents.existing(documentId);
		if (!Confirmed.by(confirmed)) {
			model.addAttribute("title", text("policies.retire.title", document.title(LocaleContextHolder.getLocale())));
			model.addAttribute("consequences", List.of(text("policies.retire.no-longer"), text("policies.retire.kept")));
			model.addAttribute("action", "/policies/" + documentId + "/retire");
			model.addAttribute("submit", text("policies.retire"));
			model.addAttribute("cancelLabel", text("policies.cancel"));
			model.addAttribute("cancel", "/policies/" + documentId);
			model.addAttribute("carried", Map.of());
			return "layout/confirm";
		}
		steps.retire(documentId);
		redirect.addFlashAttribute("notice", "policies.retired");
		return "redirect:/policies/" + documentId;
	}

	@GetMapping("/policies/{documentId}")
	String document(@PathVariable String documentId, @RequestParam(required = false) Integer version, Model model) {
		var document = documents.existing(documentId);
		List<PolicyVersion> versions = documents.versions(documentId);
		// A document created in the console shows its first draft until it is published.
		PolicyVersion shown = versions.stream().filter(v -> version == null ? v.published() : v.number() == version)
				.findFirst().or(() -> version == null ? versions.stream().findFirst() : Optional.empty())
				.orElseThrow(() -> new NotFound("Unknown version"));
		model.addAttribute("title", document.title(LocaleContextHolder.getLocale()));
		model.addAttribute("retired", document.retired());
		model.addAttribute("page", new PolicyPage(documentId, document.title(LocaleContextHolder.getLocale()), shown.number(),
				PolicyText.html(shown.markdown()), shown.sha256()));
		model.addAttribute("versions", versions.stream().map(v -> new VersionRow(v.number(), v.published(),
				v.createdAt(), v.publishedAt(), v.sha256(), acknowledgements.count(documentId, v.number()))).toList());
		return "policies/document";
	}

	@GetMapping("/policies/{documentId}/draft")
	String draft(@PathVariable String documentId, Model model) {
		var document = documents.existing(documentId);
		String markdown = documents.draft(documentId).or(() -> documents.current(documentId)).map(PolicyVersion::markdown)
				.orElse("");
		return draftPage(model, document.id(), document.title(LocaleContextHolder.getLocale()), markdown, null);
	}

	/** "Preview" shows the text as it will read; "Save" keeps it as the draft. */
	@PostMapping("/policies/{documentId}/draft")
	String saveDraft(@PathVariable String documentId, @RequestParam String markdown,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
		var document = documents.existing(documentId);
		if (document.retired()) {
			redirect.addFlashAttribute("notice", "policies.retired.lead");
			return "redirect:/policies/" + documentId;
		}
		if ("preview".equals(action)) {
			return draftPage(model, document.id(), document.title(LocaleContextHolder.getLocale()), markdown, null);
		}
		try {
			int number = steps.saveDraft(documentId, markdown);
			redirect.addFlashAttribute("notice", "policies.draft.saved");
			return "redirect:/policies/" + documentId + "?version=" + number;
		}
		catch (RuleViolation refused) {
			return draftPage(model, document.id(), document.title(LocaleContextHolder.getLocale()), markdown, "policies.draft.empty");
		}
	}

	@PostMapping("/policies/{documentId}/versions/{number}/publish")
	String publish(@PathVariable String documentId, @PathVariable int number,
			@RequestParam(name = Confirmed.FIELD, required = false) String confirmed, Model model,
			RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			model.addAttribute("title", text("policies.publish.title", number));
			model.addAttribute("consequences", List.of(text("policies.publish.again"), text("policies.publish.kept")));
			model.addAttribute("action", "/policies/" + documentId + "/versions/" + number + "/publish");
			model.addAttribute("submit", text("policies.publish"));
			model.addAttribute("cancelLabel", text("policies.cancel"));
			model.addAttribute("cancel", "/policies/" + documentId + "?version=" + number);
			model.addAttribute("carried", Map.of());
			return "layout/confirm";
		}
		try {
			steps.publish(documentId, number);
			redirect.addFlashAttribute("notice", "policies.published");
		}
		catch (RuleViolation refused) {
			redirect.addFlashAttribute("notice", "policies.not-a-draft");
		}
		return "redirect:/policies/" + documentId;
	}

	@GetMapping("/policies/{documentId}/diff")
	String diff(@PathVariable String documentId, @RequestParam int from, @RequestParam int to, Model model) {
		var document = documents.existing(documentId);
		PolicyVersion older = documents.version(documentId, from).orElseThrow(() -> new NotFound("Unknown version"));
		PolicyVersion newer = documents.version(documentId, to).orElseThrow(() -> new NotFound("Unknown version"));
		model.addAttribute("title", document.title(LocaleContextHolder.getLocale()));
		model.addAttribute("documentId", documentId);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("lines", lines(older.markdown(), newer.markdown()));
		return "policies/diff";
	}

	/** A line diff of the two Markdown texts, every line of the newer shown with what changed around it. */
	static List<DiffLine> lines(String older, String newer) {
		List<String> before = Arrays.asList(older.split("\n", -1));
		List<String> after = Arrays.asList(newer.split("\n", -1));
		Patch<String> patch = DiffUtils.diff(before, after);
		List<DiffLine> lines = new java.util.ArrayList<>();
		int at = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			for (; at < delta.getSource().getPosition(); at++) {
				lines.add(new DiffLine(DiffLine.Change.KEPT, before.get(at)));
			}
			delta.getSource().getLines().forEach(l -> lines.add(new DiffLine(DiffLine.Change.REMOVED, l)));
			delta.getTarget().getLines().forEach(l -> lines.add(new DiffLine(DiffLine.Change.ADDED, l)));
			at += delta.getSource().size();
		}
		for (; at < before.size(); at++) {
			lines.add(new DiffLine(DiffLine.Change.KEPT, before.get(at)));
		}
		return lines;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private static String newDocumentPage(Model model, Map<String, String> values, Map<String, String> errors) {
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		return "policies/new";
	}

	private static String draftPage(Model model, String documentId, String title, String markdown, String error) {
		model.addAttribute("documentId", documentId);
		model.addAttribute("title", title);
		model.addAttribute("markdown", markdown);
		model.addAttribute("preview", PolicyText.html(markdown));
		model.addAttribute("error", error);
		return "policies/draft";
	}
}
