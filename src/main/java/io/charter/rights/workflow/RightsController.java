package io.charter.rights.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.rights.Channel;
import io.charter.rights.KeptReason;
import io.charter.rights.Letters;
import io.charter.rights.RequestType;
import io.charter.rights.RightsSettings;
import io.charter.rights.fulfilment.RequestFulfilment;
import io.charter.rights.web.RegisterForm;
import io.charter.shared.ActorIdentity;
import io.charter.shared.Confirmed;
import io.charter.shared.RuleViolation;

/**
 * The privacy team's pages: the dashboard of requests by due date and a page per request with the
 * steps its state allows. Roles are enforced by the services.
 */
@Controller
class RightsController {

	static final String DASHBOARD = "rights/dashboard";
	static final String REQUEST = "rights/request";
	static final String CONFIRM = "layout/confirm";

	private final RequestSteps steps;
	private final RequestFulfilment fulfilment;
	/** The steps that send the requester a letter. */
	private static final Set<String> LETTERS = Set.of("send-link", "ask", "extend", "complete", "refuse", "package");

	private final RequestQueries queries;
	private final Letters letters;

	private final MessageSource messages;

	private final Clock clock;
	private final RightsSettings settings;

	RightsController(RequestSteps steps, RequestFulfilment fulfilment, RequestQueries queries, Letters letters,
			MessageSource messages, Clock clock, RightsSettings settings) {
		this.clock = clock;
		this.settings = settings;
		this.messages = messages;
		this.letters = letters;
		this.steps = steps;
		this.fulfilment = fulfilment;
		this.queries = queries;
	}

	@GetMapping("/rights")
	String dashboard(Model model) {
		return dashboardWith(model, Map.of("channel", RegisterForm.USUAL_CHANNEL.name()), Map.of());
	}

	/**
	 * Registers a request, or shows the dashboard again with every value as typed and every error next
	 * to its field (a malformed date too).
	 */
	@PostMapping("/rights/requests")
	String register(@ModelAttribute RegisterForm form, BindingResult binding, @RequestParam Map<String, String> typed,
			Model model, RedirectAttributes redirect) {
		Set<String> unreadable = binding.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.toSet());
		Map<String, String> errors = form.errors(unreadable, LocalDate.now(clock.withZone(settings.zone())));
		if (errors.isEmpty()) {
			try {
				UUID id = steps.register(form.toRequest(), form.channel(), form.receivedOn(), form.answerBy()).id();
				redirect.addFlashAttribute("notice", "rights.registered");
				return "redirect:/rights/requests/" + id;
			}
			catch (RuleViolation e) {
				model.addAttribute("failure", refusal(e));
			}
		}
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> texts = new LinkedHashMap<>();
		errors.forEach((field, key) -> texts.put(field, messages.getMessage(key, null, locale)));
		return dashboardWith(model, typed, texts);
	}

	private String dashboardWith(Model model, Map<String, String> typed, Map<String, String> errors) {
		model.addAttribute("open", queries.openRequests());
		model.addAttribute("closed", queries.closedRequests(50));
		model.addAttribute("types", List.of(RequestType.values()));
		model.addAttribute("channels", List.of(Channel.values()));
		model.addAttribute("mailConfigured", letters.mailConfigured());
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return DASHBOARD;
	}

	@GetMapping("/rights/requests/{id}")
	String request(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean find, Model model) {
		model.addAttribute("request", queries.request(id));
		model.addAttribute("assignees", queries.assignees());
		model.addAttribute("letters", queries.letters(id));
		model.addAttribute("mailConfigured", letters.mailConfigured());
		model.addAttribute("found", null);
		if (find) {
			try {
				model.addAttribute("found", queries.dataHeld(id));
			}
			catch (RuleViolation e) {
				model.addAttribute("failure", refusal(e));
			}
		}
		return REQUEST;
	}

	/** Erasure cannot be undone: what it does, on the shared confirmation page, before it is done. */
	@GetMapping("/rights/requests/{id}/erase")
	String confirmErasure(@PathVariable UUID id, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		String path = "/rights/requests/" + id;
		model.addAttribute("title", messages.getMessage("rights.erase.confirm-title", new Object[] { queries.request(id).reference() }, locale));
		model.addAttribute("consequences", List.of(messages.getMessage("rights.erase-lead", null, locale),
				messages.getMessage("rights.erase-confirm", null, locale)));
		model.addAttribute("action", path + "/erase");
		model.addAttribute("submit", messages.getMessage("rights.erase", null, locale));
		model.addAttribute("cancelLabel", messages.getMessage("rights.erase.cancel", null, locale));
		model.addAttribute("cancel", path);
		return CONFIRM;
	}

	@PostMapping("/rights/requests/{id}/{action}")
	String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String text,
			@RequestParam(required = false) String system, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) KeptReason reason,
			@RequestParam(name = Confirmed.FIELD, required = false) String confirmed, Authentication auth,
			RedirectAttributes redirect) {
		if ("erase".equals(action) && !Confirmed.by(confirmed)) {
			return "redirect:/rights/requests/" + id + "/erase";
		}
		try {
			switch (action) {
				case "assign" -> steps.assign(id, "me".equals(assignee) ? me(auth) : userId(assignee));
				case "note" -> steps.note(id, text);
				case "send-link" -> steps.sendVerificationLink(id);
				case "verify" -> steps.recordIdentityCheck(id, text);
				case "start" -> steps.start(id);
				case "ask" -> steps.askRequester(id, text);
				case "resume" -> steps.resume(id);
				case "extend" -> steps.extend(id, text);
				case "complete" -> steps.complete(id, text);
				case "refuse" -> steps.refuse(id, text);
				case "withdraw" -> steps.withdraw(id, text);
				case "package" -> fulfilment.deliverPackage(id);
				case "erase" -> fulfilment.erase(id);
				case "restrict" -> fulfilment.restrict(id);
				case "withdraw-consent" -> fulfilment.withdrawConsent(id);
				case "exception" -> fulfilment.recordException(id, system, reason, text);
				case "notify-systems" -> fulfilment.notifySystems(id);
				case "retry-system" -> fulfilment.retrySystem(id, system);
				case "override-system" -> fulfilment.overrideSystem(id, system, text);
				default -> throw new org.springframework.web.server.ResponseStatusException(
						org.springframework.http.HttpStatus.NOT_FOUND);
			}
			// Never "sent" while the letter waits in the outbox for a mail server.
			boolean held = LETTERS.contains(action) && !letters.mailConfigured();
			redirect.addFlashAttribute("notice", (held ? "rights.held." : "rights.done.") + action);
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("failure", refusal(e));
		}
		return "redirect:/rights/requests/" + id;
	}

	/** A refusal in the user's language; other rule violations carry their own words. */
	private String refusal(RuleViolation e) {
		return e instanceof MessageSourceResolvable refused ? messages.getMessage(refused, LocaleContextHolder.getLocale())
				: e.getMessage();
	}

	/** The signed-in user's id, from the pseudonymous actor id {@code user:<uuid>} (or {@code user:<uuid>/token:<uuid>}). */
	private static UUID me(Authentication auth) {
		if (auth != null && auth.getPrincipal() instanceof ActorIdentity actor && actor.actorId().startsWith("user:")) {
			String id = actor.actorId().substring(5);
			int slash = id.indexOf('/');
			return userId(slash < 0 ? id : id.substring(0, slash));
		}
		throw new RuleViolation("Only a Charter user can take a request.");
	}

	private static UUID userId(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolation("Choose someone from the list.");
		}
	}
}
