package io.charter.consent.log.records;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.ConsentLogSettings;
import io.charter.consent.log.ConsentRecord;
import io.charter.consent.log.ConsentRecords;
import io.charter.consent.log.retention.ConsentRetention;
import io.charter.consent.web.ConsentRecordsPage;
import io.charter.consent.web.ConsentStatistics;
import io.charter.platform.SpreadsheetCsv;
import io.charter.shared.RuleViolation;

/**
 * The consent records of a site for the privacy team (PRIVACY, ADMIN) and auditors (AUDITOR,
 * read-only): search by visitor id, consent id or period, paging, CSV and JSON exports of the
 * search, statistics per day drawn as SVG charts, and a purge of records past retention.
 */
@Controller
class ConsentRecordsController {

	static final String VIEW = "consent/consent-records";
	static final int PAGE_SIZE = 50;
	static final String READERS = "hasAnyRole('PRIVACY', 'ADMIN', 'AUDITOR')";
	static final String WRITERS = "hasAnyRole('PRIVACY', 'ADMIN')";
	private static final Pattern SITE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final ConsentLogReports reports;
	private final ConsentRetention retention;
	private final ConsentLogSettings settings;
	private final JsonMapper json;
	private final MessageSource messages;

	ConsentRecordsController(ConsentLogReports reports, ConsentRetention retention, ConsentLogSettings settings,
			JsonMapper json, MessageSource messages) {
		this.messages = messages;
		this.reports = reports;
		this.retention = retention;
		this.settings = settings;
		this.json = json;
	}

	@GetMapping("/consent/{site}/records")
	@PreAuthorize(READERS)
	String records(@PathVariable String site, @RequestParam(required = false) String visitor,
			@RequestParam(required = false) String consent, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model,
			org.springframework.security.core.Authentication user) {
		checkSite(site);
		String failure = null;
		ConsentRecords.Filter filter;
		try {
			filter = filter(visitor, consent, from, to);
		}
		catch (RuleViolation e) {
			failure = messages.getMessage(e.refusal(), LocaleContextHolder.getLocale());
			filter = new ConsentRecords.Filter(null, null, null, null);
		}
		int safePage = Math.max(0, Math.min(page, 100_000));
		List<ConsentRecord> found = reports.search(site, filter, safePage, PAGE_SIZE);
		long total = reports.count(site, filter);
		// The chart covers the period searched, else the last 30 days; at most a year.
		LocalDate end = filter.to() != null ? filter.to() : reports.today();
		LocalDate start = filter.from() != null && !filter.from().isAfter(end) ? filter.from() : end.minusDays(29);
		if (start.isBefore(end.minusDays(ConsentLogReports.MAX_DAYS - 1))) {
			start = end.minusDays(ConsentLogReports.MAX_DAYS - 1);
		}
		ConsentStatistics statistics = reports.statistics(site, start, end);
		List<ConsentRecordsPage.Row> rows = found.stream().map(r -> new ConsentRecordsPage.Row(r.id().toString(),
				r.recordedAt(), r.visitorId(), r.version(), r.method().name(), r.choicesText(), r.language(),
				r.browser(), r.pageUrl())).toList();
		boolean mayPurge = user.getAuthorities().stream()
				.anyMatch(a -> a.getAuthority().equals("ROLE_PRIVACY") || a.getAuthority().equals("ROLE_ADMIN"));
		model.addAttribute("failure", failure);
		model.addAttribute("view", new ConsentRecordsPage(site, blankToNull(visitor), blankToNull(consent),
				filter.from() == null ? null : filter.from().toString(), filter.to() == null ? null : filter.to().toString(),
				rows, total, safePage, (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE), query(filter), statistics,
				ConsentLogReports.methodsChart(statistics), ConsentLogReports.ratesChart(statistics),
				settings.recordRetention(), mayPurge));
		return VIEW;
	}

	@GetMapping("/consent/{site}/records/export.csv")
	@PreAuthorize(READERS)
	void exportCsv(@PathVariable String site, @RequestParam(required = false) String visitor,
			@RequestParam(required = false) String consent, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
		checkSite(site);
		ConsentRecords.Filter filter = filter(visitor, consent, from, to);
		reports.siteId(site);
		attachment(response, "text/csv;charset=UTF-8", site, "csv");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		SpreadsheetCsv csv = new SpreadsheetCsv(out);
		csv.row("consent_id", "recorded_at", "chosen_at", "site", "visitor_id", "version", "method", "choices", "language",
				"page_url", "browser", "source_hash");
		try {
			reports.export(site, filter, r -> {
				try {
					csv.row(r.id().toString(), r.recordedAt().toString(), r.chosenAt().toString(), site, r.visitorId(),
							Integer.toString(r.version()), r.method().name(), r.choicesText(), r.language(), r.pageUrl(),
							r.browser(), r.sourceHash());
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		finally {
			out.flush();
		}
	}

	@GetMapping("/consent/{site}/records/export.json")
	@PreAuthorize(READERS)
	void exportJson(@PathVariable String site, @RequestParam(required = false) String visitor,
			@RequestParam(required = false) String consent, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
		checkSite(site);
		ConsentRecords.Filter filter = filter(visitor, consent, from, to);
		reports.siteId(site);
		attachment(response, "application/json", site, "json");
		try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
			out.writeStartArray();
			reports.export(site, filter, r -> {
				out.writeStartObject();
				out.writeStringProperty("consentId", r.id().toString());
				out.writeStringProperty("recordedAt", r.recordedAt().toString());
				out.writeStringProperty("chosenAt", r.chosenAt().toString());
				out.writeStringProperty("siteKey", site);
				out.writeStringProperty("visitorId", r.visitorId());
				out.writeNumberProperty("version", r.version());
				out.writeStringProperty("method", r.method().name());
				out.writeName("choices");
				out.writeStartObject();
				for (Map.Entry<String, Boolean> c : r.choices().entrySet()) {
					out.writeBooleanProperty(c.getKey(), c.getValue());
				}
				out.writeEndObject();
				out.writeStringProperty("language", r.language());
				out.writeStringProperty("pageUrl", r.pageUrl());
				out.writeStringProperty("browser", r.browser());
				out.writeStringProperty("sourceHash", r.sourceHash());
				out.writeEndObject();
			});
			out.writeEndArray();
		}
	}

	@PostMapping("/consent/{site}/records/purge")
	@PreAuthorize(WRITERS)
	String purge(@PathVariable String site, RedirectAttributes redirect) {
		checkSite(site);
		int purged = retention.purge(site, reports.siteId(site), retention.cutoff());
		redirect.addFlashAttribute("purged", purged);
		return "redirect:/consent/" + site + "/records";
	}

	private static void attachment(HttpServletResponse response, String type, String site, String extension) {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("consent-records-" + site + "." + extension).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	private static void checkSite(String site) {
		if (!SITE_KEY.matcher(site).matches()) {
			throw new io.charter.shared.NotFound("No such site.");
		}
	}

	private static ConsentRecords.Filter filter(String visitor, String consent, String from, String to) {
		UUID consentId = null;
		if (consent != null && !consent.isBlank()) {
			try {
				consentId = UUID.fromString(consent.trim());
			}
			catch (IllegalArgumentException e) {
				throw new RuleViolation("consent", "consent-log.error.consent-id", new Object[0], "The consent id is not valid.");
			}
		}
		return new ConsentRecords.Filter(blankToNull(visitor), consentId, date(from), date(to));
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw new RuleViolation(null, "consent-log.error.date", new Object[0], "Dates are written 2026-11-26.");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String query(ConsentRecords.Filter filter) {
		List<String> parts = new ArrayList<>();
		if (filter.visitorId() != null) {
			parts.add("visitor=" + URLEncoder.encode(filter.visitorId(), StandardCharsets.UTF_8));
		}
		if (filter.consentId() != null) {
			parts.add("consent=" + filter.consentId());
		}
		if (filter.from() != null) {
			parts.add("from=" + filter.from());
		}
		if (filter.to() != null) {
			parts.add("to=" + filter.to());
		}
		return String.join("&", parts);
	}
}
