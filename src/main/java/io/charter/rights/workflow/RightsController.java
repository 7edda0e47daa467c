package io.charter.rights.workflow;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.rights.Channel;
import io.charter.rights.KeptReason;
import io.charter.rights.Letters;
import io.charter.rights.RequestChangeRefused;
import io.charter.rights.RequestType;
import io.charter.rights.fulfilment.RequestFulfilment;
import io.charter.rights.web.RegisterForm;
import io.charter.shared.ActorIdentity;
import io.charter.shared.RuleViolation;

/**
 * The privacy team's pages: the dashboard of requests by due date and a page per request with the
 * steps its state allows. Roles are enforced by the services.
 */
@Controller
class RightsController {

	static final String DASHBOARD = "rights/dashboard";
	static final String REQUEST = "rights/request";

	private final RequestSteps steps;
	private final RequestFulfilment fulfilment;
	/** The steps that send the requester a letter. */
	private static final Set<String> LETTERS = Set.of("send-link", "ask", "extend", "complete", "refuse", "package");

	private final RequestQueries queries;
	private final Letters letters;

	private final MessageSource messages;

	RightsController(RequestSteps steps, RequestFulfilment fulfilment, RequestQueries queries, Letters letters,
			MessageSource messages) {
		this.messages = messages;
		this.letters = letters;
		this.steps = steps;
		this.fulfilment = fulfilment;
		this.queries = queries;
	}

	@GetMapping("/rights")
	String dashboard(Model model) {
		model.addAttribute("open", queries.openRequests());
		model.addAttribute("closed", queries.closedRequests(50));
		model.addAttribute("types", List.of(RequestType.values()));
		model.addAttribute("channels", List.of(Channel.values()));
		model.addAttribute("mailConfigured", letters.mailConfigured());
		return DASHBOARD;
	}

	@PostMapping("/rights/requests")
	String register(@ModelAttribute RegisterForm form, RedirectAttributes redirect) {
		try {
			UUID id = steps.register(form.toRequest(), form.channel(), form.receivedOn(), form.answerBy()).id();
			redirect.addFlashAttribute("notice", "rights.registered");
			return "redirect:/rights/requests/" + id;
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("failure", refusal(e));
			return "redirect:/rights";
		}
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

	@PostMapping("/rights/requests/{id}/{action}")
	String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String text,
			@RequestParam(required = false) String system, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) KeptReason reason, @RequestParam(required = false) String confirm,
			Authentication auth, RedirectAttributes redirect) {
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
				case "erase" -> fulfilment.erase(confirmed(id, confirm));
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

	/** Erasure cannot be undone: the page asks to tick a box first (no script needed). */
	/** A refusal in the user's language; other rule violations carry their own words. */
	private String refusal(RuleViolation e) {
		return e instanceof MessageSourceResolvable refused ? messages.getMessage(refused, LocaleContextHolder.getLocale())
				: e.getMessage();
	}

	private static UUID confirmed(UUID id, String confirm) {
		if (!"yes".equals(confirm)) {
			throw new RequestChangeRefused("rights.refused.confirm-erasure");
		}
		return id;
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
