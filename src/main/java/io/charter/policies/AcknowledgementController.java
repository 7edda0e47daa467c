package io.charter.policies;

import java.util.Optional;

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

	AcknowledgementController(PolicyDocuments documents, Acknowledgements acknowledgements, PolicySteps steps,
			Directory directory) {
		this.documents = documents;
		this.acknowledgements = acknowledgements;
		this.steps = steps;
		this.directory = directory;
	}

	@GetMapping("/me/policies/{documentId}")
	String show(@PathVariable String documentId, Authentication authentication, Model model) {
		var document = documents.document(documentId).orElseThrow(() -> new NotFound("Unknown policy " + documentId));
		PolicyVersion current = documents.current(documentId).orElseThrow(() -> new NotFound("Unpublished policy " + documentId));
		Optional<PersonSummary> person = directory.signedIn(authentication);
		model.addAttribute("page", new PolicyPage(documentId, document.title(), current.number(),
				PolicyText.html(current.markdown()), current.sha256()));
		model.addAttribute("inDirectory", person.isPresent());
		model.addAttribute("acknowledgedOn", person
				.map(p -> acknowledgements.latest(documentId, java.util.List.of(p.id())).get(p.id()))
				.filter(a -> a.version() == current.number()).map(Acknowledgements.Acknowledgement::at).orElse(null));
		return "policies/acknowledge";
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
