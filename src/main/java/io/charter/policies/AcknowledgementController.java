package io.charter.policies;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.platform.OneTimeLinks;
import io.charter.policies.web.PolicyPage;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/**
 * The signed-in person's acknowledgement page: the current version's full text, the statement and
 * one button. The form carries the version and the hash of the text shown, so a version published
 * between reading and submitting is not acknowledged unseen.
 */
@Controller
class AcknowledgementController {

	private final PolicyDocuments documents;
	private final Acknowledgements acknowledgements;
	private final PolicySteps steps;
	private final Directory directory;
	private final OneTimeLinks links;

	AcknowledgementController(PolicyDocuments documents, Acknowledgements acknowledgements, PolicySteps steps,
			Directory directory, OneTimeLinks links) {
		this.links = links;
		this.documents = documents;
		this.acknowledgements = acknowledgements;
		this.steps = steps;
		this.directory = directory;
	}

	@GetMapping("/me/policies/{documentId}")
	String show(@PathVariable String documentId, Authentication authentication, Model model) {
		var document = documents.existing(documentId);
		PolicyVersion current = documents.current(documentId).orElseThrow(() -> new NotFound("Unpublished policy " + documentId));
		Optional<PersonSummary> person = directory.signedIn(authentication);
		model.addAttribute("page", new PolicyPage(documentId,
				document.title(org.springframework.context.i18n.LocaleContextHolder.getLocale()), current.number(),
				PolicyText.html(current.markdown()), current.sha256()));
		model.addAttribute("inDirectory", person.isPresent());
		model.addAttribute("acknowledgedOn", person
				.map(p -> acknowledgements.latest(documentId, java.util.List.of(p.id())).get(p.id()))
				.filter(a -> a.version() == current.number()).map(Acknowledgements.Acknowledgement::at).orElse(null));
		return "policies/acknowledge";
	}

	/**
	 * A reminder's one-click link. It still needs the person's sign-in: the acknowledgement is their
	 * statement, and a forwarded message must not let someone else make it. The link is used up when
	 * its own person opens it; another person's link opens nothing of theirs.
	 */
	@GetMapping("/me/policies/{documentId}/r/{secret}")
	String fromReminder(@PathVariable String documentId, @PathVariable String secret, Authentication authentication,
			RedirectAttributes redirect) {
		Optional<UUID> subject = links.usableSubject(PolicyReminders.ACKNOWLEDGE, secret);
		Optional<UUID> me = directory.signedIn(authentication).map(p -> PolicyReminders.subject(documentId, p.id()));
		if (subject.isPresent() && subject.equals(me)) {
			links.consume(PolicyReminders.ACKNOWLEDGE, secret);
		}
		else if (subject.isPresent()) {
			redirect.addFlashAttribute("refusal", "policies.ack.other-link");
		}
		return "redirect:/me/policies/" + documentId;
	}

	@PostMapping("/me/policies/{documentId}")
	String acknowledge(@PathVariable String documentId, @RequestParam int version, @RequestParam String sha256,
			Authentication authentication, RedirectAttributes redirect) {
		PersonSummary person = directory.signedIn(authentication).filter(PersonSummary::active).orElse(null);
		if (person == null) {
			redirect.addFlashAttribute("refusal", "policies.ack.not-in-directory");
			return "redirect:/me/policies/" + documentId;
		}
		try {
			steps.acknowledge(documentId, person.id(), version, sha256);
			redirect.addFlashAttribute("notice", "policies.ack.done");
		}
		catch (RuleViolation changed) {
			redirect.addFlashAttribute("refusal", "policies.ack.changed");
		}
		return "redirect:/me/policies/" + documentId;
	}
}
