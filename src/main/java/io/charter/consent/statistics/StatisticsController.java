package io.charter.consent.statistics;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.charter.platform.ProblemWriter;
import io.charter.platform.SpreadsheetCsv;
import io.charter.shared.NotFound;

/**
 * The consent statistics of a site for the privacy team (PRIVACY, ADMIN) and auditors (AUDITOR):
 * a period against the one before it, breakdowns, charts, and the breakdowns as CSV.
 */
@Controller
class StatisticsController {

	static final String READERS = "hasAnyRole('PRIVACY', 'ADMIN', 'AUDITOR')";
	private static final Pattern SITE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final StatisticsReport report;
	private final MessageSource messages;

	StatisticsController(StatisticsReport report, MessageSource messages) {
		this.report = report;
		this.messages = messages;
	}

	/** A refused period answers 400 with the page of the default period and the message beside the form. */
	@GetMapping("/consent/{site}/statistics")
	@PreAuthorize(READERS)
	String page(@PathVariable String site, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model, HttpServletResponse response) {
		checkSite(site);
		String language = LocaleContextHolder.getLocale().getLanguage();
		StatisticsPage page;
		try {
			page = report.page(site, report.period(from, to), language, from, to, null);
		}
		catch (StatisticsReport.PeriodRefused refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			page = report.page(site, report.defaultPeriod(), language, from, to, refused.key);
		}
		model.addAttribute("view", page);
		return "consent/consent-statistics";
	}

	/** The breakdowns of the page as one CSV sheet: one line per version, language and page, and the two totals. */
	@GetMapping("/consent/{site}/statistics/export.csv")
	@PreAuthorize(READERS)
	void csv(@PathVariable String site, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
		checkSite(site);
		StatisticsPage page = report.page(site, report.period(from, to), LocaleContextHolder.getLocale().getLanguage(),
				from, to, null);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("consent-statistics-" + site + "-" + page.from() + "-" + page.to() + ".csv").build().toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		SpreadsheetCsv csv = new SpreadsheetCsv(out);
		List<String> header = new ArrayList<>(List.of("breakdown", "value", "from", "to", "records"));
		StatisticsPage.METHODS.forEach(m -> header.add(m.toLowerCase(java.util.Locale.ROOT)));
		for (StatisticsPage.Category c : page.categories()) {
			header.add(c.key() + " granted");
			header.add(c.key() + " refused");
			header.add(c.key() + " opt-in");
		}
		csv.row(header);
		row(csv, page, "period", "current", page.from() + "", page.to() + "", page.current());
		row(csv, page, "period", "previous", page.previousFrom() + "", page.previousTo() + "", page.previous());
		for (StatisticsPage.Row r : page.byVersion()) {
			row(csv, page, "version", r.label(), page.from() + "", page.to() + "", r.figures());
		}
		for (StatisticsPage.Row r : page.byLanguage()) {
			row(csv, page, "language", r.label(), page.from() + "", page.to() + "", r.figures());
		}
		for (StatisticsPage.Row r : page.byPage()) {
			row(csv, page, "page", r.label(), page.from() + "", page.to() + "", r.figures());
		}
		out.flush();
	}

	private static void row(SpreadsheetCsv csv, StatisticsPage page, String breakdown, String value, String from, String to,
			Figures f) throws IOException {
		List<String> cells = new ArrayList<>(List.of(breakdown, value, from, to, Long.toString(f.records())));
		StatisticsPage.METHODS.forEach(m -> cells.add(Long.toString(f.method(m))));
		for (StatisticsPage.Category c : page.categories()) {
			Figures.Rate rate = f.rate(c.key());
			cells.add(Long.toString(rate.granted()));
			cells.add(Long.toString(rate.refused()));
			cells.add(Figures.percent(rate.optIn()));
		}
		csv.row(cells);
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(StatisticsReport.PeriodRefused.class)
	ResponseEntity<ProblemDetail> refused(StatisticsReport.PeriodRefused e, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage(e.key, null, e.getMessage(), LocaleContextHolder.getLocale()));
		problem.setInstance(ProblemWriter.instance(request.getRequestURI()));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static void checkSite(String site) {
		if (!SITE_KEY.matcher(site).matches()) {
			throw new NotFound("No such site.");
		}
	}
}
