package io.charter.compliance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.compliance.web.ClauseForm;
import io.charter.compliance.web.ClauseRow;
import io.charter.compliance.web.MappingForm;
import io.charter.compliance.web.Trend;
import io.charter.compliance.web.VersionRow;
import io.charter.policies.PublishedPolicies;
import io.charter.shared.Confirmed;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/**
 * The clause table (everyone who reads evidence; AUDITOR only reads) and the clauses' pages, where
 * ADMIN and SECURITY add, reword, remap and retire a clause.
 */
@Controller
class ClauseTableController {

	private final ComplianceQueries queries;
	private final Clauses clauses;
	private final ClauseSteps steps;
	private final MessageSource messages;
	private final PublishedPolicies policies;
	private final Snapshots snapshots;
	private final FrameworkMappings mappings;

	ClauseTableController(ComplianceQueries queries, Clauses clauses, ClauseSteps steps, MessageSource messages,
			PublishedPolicies policies, Snapshots snapshots, FrameworkMappings mappings) {
		this.mappings = mappings;
		this.policies = policies;
		this.snapshots = snapshots;
		this.queries = queries;
		this.clauses = clauses;
		this.steps = steps;
		this.messages = messages;
	}

	@GetMapping("/compliance")
	String table(Model model) {
		ComplianceQueries.Table table = queries.table();
		model.addAttribute("rows", table.rows());
		model.addAttribute("failedReports", table.failedReports());
		LocalDate today = queries.today();
		List<Snapshots.Point> year = snapshots.between(Trends.from(today), today);
		model.addAttribute("trend", Trends.policy(year, today));
		Map<String, Trend> trends = new HashMap<>();
		clauses.all(false).forEach(c -> trends.put(c.id(), Trends.clause(c, year, today)));
		model.addAttribute("trends", trends);
		model.addAttribute("retired", clauses.all(true).stream().filter(Clause::retired).map(Clause::id).toList());
		return "compliance/table";
	}

	/**
	 * The policy, live: a document of {@code policies} in its published words with each clause's status
	 * beside it, or (the cookie policy, which lives as the clauses' own words) the clauses in order.
	 */
	@GetMapping("/compliance/policy/{document}")
	String policy(@PathVariable String document, Model model) {
		List<ClauseRow> rows = queries.table().rows();
		List<ClauseRow> own = rows.stream().filter(r -> r.document().equals(document)).toList();
		var published = policies.current(document);
		if (published.isEmpty() && own.isEmpty()) {
			throw new NotFound("Unknown policy");
		}
		model.addAttribute("title", published.map(p -> p.title()).orElseGet(
				() -> messages.getMessage("compliance.policy." + document, null, document, LocaleContextHolder.getLocale())));
		model.addAttribute("html", published.map(p -> LivePolicy.html(p.html(), rows,
				r -> text("compliance.policy.status", r.id(), text("compliance.status." + r.status().name()
						.toLowerCase().replace('_', '-'))))).orElse(null));
		model.addAttribute("rows", own);
		return "compliance/policy";
	}

	@GetMapping("/compliance/clauses/new")
	String newClause(Model model) {
		return form(model, new ClauseForm("", "work-behaviors", "", "", "", null), Map.of());
	}

	@PostMapping("/compliance/clauses")
	String add(ClauseForm form, Model model, RedirectAttributes redirect) {
		try {
			steps.add(form.id(), form.document(), form.title(), form.wording(), ids(form.controls()));
		}
		catch (RuleViolation e) {
			return form(model, form, error(e));
		}
		redirect.addFlashAttribute("notice", "compliance.clause.added");
		return "redirect:/compliance/clauses/" + form.id();
	}

	@GetMapping("/compliance/clauses/{id}")
	String clause(@PathVariable String id, Model model) {
		return clause(clauses.find(id).orElseThrow(() -> new NotFound("Unknown clause")), model);
	}

	private String clause(Clause clause, Model model) {
		String id = clause.id();
		model.addAttribute("versions", versions(id));
		model.addAttribute("retired", clause.retired());
		LocalDate today = queries.today();
		model.addAttribute("trend", Trends.clause(clause, snapshots.between(Trends.from(today), today), today));
		return form(model, new ClauseForm(clause.id(), clause.document(), clause.title(), clause.wording(),
				String.join(", ", new java.util.TreeSet<>(clause.controls())), clause.version()), Map.of());
	}

	@PostMapping("/compliance/clauses/{id}")
	String reword(@PathVariable String id, ClauseForm form, Model model, RedirectAttributes redirect) {
		try {
			steps.reword(id, form.version() == null ? -1 : form.version(), form.title(), form.wording(),
					ids(form.controls()));
		}
		catch (RuleViolation e) {
			model.addAttribute("versions", versions(id));
			model.addAttribute("retired", false);
			return form(model, new ClauseForm(id, form.document(), form.title(), form.wording(), form.controls(),
					form.version()), error(e));
		}
		redirect.addFlashAttribute("notice", "compliance.clause.saved");
		return "redirect:/compliance/clauses/" + id;
	}

	/** The Statement of Applicability: every Annex A control, whether a clause serves it, and how it stands. */
	@GetMapping("/compliance/statement-of-applicability.csv")
	ResponseEntity<String> statementOfApplicability() {
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-of-applicability.csv\"")
				.body(StatementOfApplicability.csv(mappings.annex(), mappings.all(), queries.table().rows()));
	}

	@PostMapping("/compliance/clauses/{id}/mapping")
	String map(@PathVariable String id, MappingForm mapping, Model model, RedirectAttributes redirect) {
		try {
			steps.map(id, ids(mapping.annex()), articles(mapping.articles()));
		}
		catch (RuleViolation e) {
			Clause clause = clauses.find(id).orElseThrow(() -> new NotFound("Unknown clause"));
			model.addAttribute("mapping", new MappingForm(mapping.annex(), mapping.articles()));
			model.addAttribute("mappingErrors", error(e));
			return clause(clause, model);
		}
		redirect.addFlashAttribute("notice", "compliance.mapping.saved");
		return "redirect:/compliance/clauses/" + id + "#mapping";
	}

	@PostMapping("/compliance/clauses/{id}/retire")
	String retire(@PathVariable String id, @RequestParam int version,
			@RequestParam(name = Confirmed.FIELD, required = false) String confirmed, Model model,
			RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			model.addAttribute("title", text("compliance.retire.title", id));
			model.addAttribute("consequences", List.of(text("compliance.retire.leaves"), text("compliance.retire.kept")));
			model.addAttribute("action", "/compliance/clauses/" + id + "/retire");
			model.addAttribute("submit", text("compliance.retire.submit"));
			model.addAttribute("cancelLabel", text("compliance.retire.cancel"));
			model.addAttribute("cancel", "/compliance/clauses/" + id);
			model.addAttribute("carried", Map.of("version", String.valueOf(version)));
			return "layout/confirm";
		}
		try {
			steps.retire(id, version);
			redirect.addFlashAttribute("notice", "compliance.clause.retired");
			return "redirect:/compliance";
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("notice", e.code());
			return "redirect:/compliance/clauses/" + id;
		}
	}

	private String form(Model model, ClauseForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("versions")) {
			model.addAttribute("versions", List.of());
			model.addAttribute("retired", false);
		}
		if (!model.containsAttribute("trend")) {
			model.addAttribute("trend", null);
		}
		if (!model.containsAttribute("mapping")) {
			FrameworkMappings.Mapping current = form.version() == null ? FrameworkMappings.Mapping.NONE
					: mappings.of(form.id());
			model.addAttribute("mapping", new MappingForm(String.join(", ", current.annex()),
					String.join(", ", current.articles())));
			model.addAttribute("mappingErrors", Map.of());
		}
		model.addAttribute("annex", mappings.annex().stream()
				.collect(java.util.stream.Collectors.toMap(FrameworkMappings.AnnexControl::id,
						FrameworkMappings.AnnexControl::title)));
		return "compliance/clause";
	}

	private List<VersionRow> versions(String id) {
		return clauses.versions(id).stream().map(v -> new VersionRow(v.version(), v.change().name(), v.changedAt(),
				v.changedBy(), v.title(), List.copyOf(new java.util.TreeSet<>(v.controls())))).toList();
	}

	private static Map<String, String> error(RuleViolation e) {
		Map<String, String> errors = new HashMap<>();
		errors.put(e.field() == null ? "form" : e.field(), e.code());
		return errors;
	}

	static List<String> ids(String typed) {
		return MappingForm.split(typed);
	}

	/** Articles hold spaces ("GDPR Art. 32"), so only commas, semicolons and lines part them. */
	static List<String> articles(String typed) {
		return typed == null ? List.of() : Arrays.stream(typed.split("[,;\\n]+")).map(String::strip)
				.filter(s -> !s.isEmpty()).toList();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
