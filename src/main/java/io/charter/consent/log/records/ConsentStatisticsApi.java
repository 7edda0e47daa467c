package io.charter.consent.log.records;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.charter.consent.web.ConsentStatistics;


/** Consent statistics as JSON, the same figures as the chart on the records page. */
@RestController
@Tag(name = "Consent log")
class ConsentStatisticsApi {

	private final ConsentLogReports reports;

	ConsentStatisticsApi(ConsentLogReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/consent/sites/{site}/statistics")
	@PreAuthorize(ConsentRecordsController.READERS)
	@Operation(summary = "Consents per UTC day and method, opt-in rate per category; default the last 30 days, at most 366")
	ConsentStatistics statistics(@PathVariable String site,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return reports.statistics(site, from, to);
	}
}
