package io.charter.premises;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;

/** An employee announces their visitors and sees those expected. */
@Controller
class VisitorsController {

	static final String PATH = "/visitors";

	private final VisitQueries queries;
	private final VisitSteps steps;
	private final Directory directory;

	VisitorsController(VisitQueries queries, VisitSteps steps, Directory directory) {
		this.queries = queries;
		this.steps = steps;
		this.directory = directory;
	}

	@GetMapping(PATH)
	String visitors(Authentication user, Model model, Locale locale) {
		PersonSummary self = directory.signedIn(user).orElse(null);
		Map<String, String> values = new HashMap<>();
		values.put("language", locale.getLanguage());
		values.put("host", self == null ? "" : self.email());
		return page(model, self, values, Map.of());
	}

	@PostMapping(PATH)
	String preRegister(@RequestParam Map<String, String> values, Authentication user, Model model,
			RedirectAttributes redirect) {
		try {
			steps.preRegister(values);
			redirect.addFlashAttribute("notice", "premises.registered");
			return "redirect:" + PATH;
		}
		catch (VisitSteps.InvalidForm e) {
			return page(model, directory.signedIn(user).orElse(null), values, e.problems);
		}
	}

	private String page(Model model, PersonSummary self, Map<String, String> values, Map<String, String> problems) {
		Map<String, String> kept = new HashMap<>(values);
		kept.remove("_csrf");
		model.addAttribute("visits", self == null ? java.util.List.of() : queries.hostedBy(self));
		model.addAttribute("values", kept);
		model.addAttribute("errors", problems);
		return "premises/visitors";
	}
}
