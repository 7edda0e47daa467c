package io.charter.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.charter.shared.ActorNames;
import io.charter.shared.EntityLink;

/**
 * The audit page: filters, paging, and a chain check, against a checkpoint when one is pasted (ADMIN,
 * AUDITOR). The trail stores pseudonymous actor ids; the page names them through the modules'
 * {@link ActorNames} for everyone who reaches it, ADMIN and AUDITOR alike, since naming who did what
 * is what the page is for. Entries link to their entity's page through the modules' {@link EntityLink}s.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;
	static final int MAX_PAGE = 100_000;

	private final AuditTrail trail;
	private final List<ActorNames> actorNames;
	private final Map<String, EntityLink> links;

	AuditController(AuditTrail trail, ObjectProvider<ActorNames> actorNames, ObjectProvider<EntityLink> links) {
		this.trail = trail;
		this.actorNames = actorNames.orderedStream().toList();
		// The first contributed link of a type wins, as the navigation's first entry does.
		this.links = links.orderedStream().collect(Collectors.toMap(EntityLink::entityType, link -> link, (a, b) -> a));
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean verify,
			@RequestParam(required = false) String checkpoint, Model model) {
		AuditFilter filter = new AuditFilter(action, entityType, entityId, actor, from, to);
		int safePage = Math.max(0, Math.min(page, MAX_PAGE));
		List<AuditEntry> entries = trail.search(filter, safePage, PAGE_SIZE);
		long total = trail.count(filter);
		model.addAttribute("filter", filter);
		model.addAttribute("entries", lines(entries));
		model.addAttribute("total", total);
		model.addAttribute("page", safePage);
		model.addAttribute("pages", (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("checkpoint", checkpoint == null ? "" : checkpoint);
		if (verify) {
			try {
				model.addAttribute("verification", trail.verify(checkpoint));
			}
			catch (CheckpointRefused refused) {
				model.addAttribute("refused", "audit.checkpoint.refused." + refused.reason().name().toLowerCase(Locale.ROOT));
			}
		}
		return "audit/audit";
	}

	private List<AuditLine> lines(List<AuditEntry> entries) {
		Set<String> actors = entries.stream().map(AuditEntry::actor).filter(Objects::nonNull).collect(Collectors.toSet());
		Map<String, String> names = ActorNames.resolve(actorNames, actors);
		return entries.stream().map(entry -> new AuditLine(entry, names.get(entry.actor()), link(entry))).toList();
	}

	private String link(AuditEntry entry) {
		EntityLink link = links.get(entry.entityType());
		return link == null ? null : link.pathTo(entry.entityId());
	}
}
