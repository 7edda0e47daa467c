package io.charter.consent.log.records;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.consent.log.ConsentMethod;
import io.charter.consent.log.ConsentRecord;
import io.charter.consent.log.ConsentRecords;
import io.charter.consent.web.ConsentChart;
import io.charter.consent.web.ConsentStatistics;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;


/**
 * Read side of the consent log for the privacy team and auditors: search, exports, daily
 * statistics and their charts. The statistics are the statistics page's ({@link DailyConsentStatistics}):
 * a category is counted in the records that showed it.
 */
@Service
class ConsentLogReports {

	static final int MAX_DAYS = 366;
	static final List<ConsentMethod> METHODS = List.of(ConsentMethod.ACCEPT_ALL, ConsentMethod.CUSTOM,
			ConsentMethod.GPC, ConsentMethod.WITHDRAW, ConsentMethod.REFUSE_ALL);
	static final Map<ConsentMethod, String> METHOD_FILL = Map.of(ConsentMethod.ACCEPT_ALL, "#2f855a",
			ConsentMethod.CUSTOM, "#2b6cb0", ConsentMethod.GPC, "#6b46c1", ConsentMethod.WITHDRAW, "#b7791f",
			ConsentMethod.REFUSE_ALL, "#c53030");
	static final List<String> CATEGORY_STROKES = List.of("#2b6cb0", "#d53f8c", "#2f855a", "#dd6b20", "#4a5568",
			"#319795");

	private final ConsentRecords records;
	private final DailyConsentStatistics daily;
	private final Clock clock;
	private final TransactionTemplate readOnly;

	ConsentLogReports(ConsentRecords records, DailyConsentStatistics daily, Clock clock,
			PlatformTransactionManager transactions) {
		this.records = records;
		this.daily = daily;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	UUID siteId(String siteKey) {
		return records.siteId(siteKey).orElseThrow(() -> new NotFound("No such site."));
	}

	List<ConsentRecord> search(String siteKey, ConsentRecords.Filter filter, int page, int size) {
		return records.search(siteKey, siteId(siteKey), filter, page, size);
	}

	long count(String siteKey, ConsentRecords.Filter filter) {
		return records.count(siteId(siteKey), filter);
	}

	/** Streams every matching record, oldest first, inside one read-only transaction. */
	void export(String siteKey, ConsentRecords.Filter filter, Consumer<ConsentRecord> sink) {
		UUID siteId = siteId(siteKey);
		readOnly.executeWithoutResult(status -> records.each(siteKey, siteId, filter, sink));
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * Statistics of a period (UTC days, inclusive); the last 30 days when no end is given. Read as
	 * the statistics page reads them, so the records page, the API and that page agree.
	 */
	ConsentStatistics statistics(String siteKey, LocalDate from, LocalDate to) {
		LocalDate end = to != null ? to : today();
		LocalDate start = from != null ? from : end.minusDays(29);
		if (start.isAfter(end)) {
			throw new RuleViolation("from", "consent-log.error.period-order", new Object[0], "from must not be after to.");
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			throw new RuleViolation("from", "consent-log.error.period-length", new Object[] { MAX_DAYS },
					"A period of at most " + MAX_DAYS + " days.");
		}
		return daily.of(siteKey, start, end);
	}

	// Charts -------------------------------------------------------------------------------------

	static final int WIDTH = 720;
	static final int HEIGHT = 260;
	static final double LEFT = 48;
	static final double RIGHT = 8;
	static final double TOP = 10;
	static final double BOTTOM = 28;
	static final String AXIS = "M" + f(LEFT) + "," + f(TOP) + " V" + f(HEIGHT - BOTTOM) + " H" + f(WIDTH - RIGHT);

	/** Stacked bars: records per method and day. */
	static ConsentChart methodsChart(ConsentStatistics statistics) {
		List<ConsentStatistics.Counts> days = statistics.days();
		long max = Math.max(1, days.stream().mapToLong(ConsentStatistics.Counts::records).max().orElse(0));
		long top = niceCeiling(max);
		double plotW = WIDTH - LEFT - RIGHT;
		double plotH = HEIGHT - TOP - BOTTOM;
		double slot = plotW / days.size();
		double barW = Math.max(1, slot * 0.7);
		List<ConsentChart.Bar> bars = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			ConsentStatistics.Counts day = days.get(i);
			double x = LEFT + i * slot + (slot - barW) / 2;
			double base = TOP + plotH;
			for (ConsentMethod method : METHODS) {
				long n = count(day, method);
				if (n == 0) {
					continue;
				}
				double h = plotH * n / top;
				base -= h;
				bars.add(new ConsentChart.Bar(f(x), f(base), f(barW), f(h), METHOD_FILL.get(method),
						day.day().toString(), "consent-log.method." + method.name(), n));
			}
		}
		List<ConsentChart.Label> labels = axisLabels(days, slot, plotH);
		labels.add(new ConsentChart.Label(f(LEFT - 6), f(TOP + 4), Long.toString(top), "end"));
		labels.add(new ConsentChart.Label(f(LEFT - 6), f(TOP + plotH / 2 + 4), Long.toString(top / 2), "end"));
		List<ConsentChart.Legend> legend = METHODS.stream()
				.map(m -> new ConsentChart.Legend(METHOD_FILL.get(m), "consent-log.method." + m.name(), null)).toList();
		return new ConsentChart(WIDTH, HEIGHT, AXIS, bars, List.of(), labels, legend);
	}

	/** One line per category: the share of records that granted it, per day (days without records are skipped). */
	static ConsentChart ratesChart(ConsentStatistics statistics) {
		List<ConsentStatistics.Counts> days = statistics.days();
		double plotW = WIDTH - LEFT - RIGHT;
		double plotH = HEIGHT - TOP - BOTTOM;
		double slot = plotW / days.size();
		List<ConsentChart.Line> lines = new ArrayList<>();
		List<ConsentChart.Legend> legend = new ArrayList<>();
		for (int c = 0; c < statistics.categories().size(); c++) {
			String category = statistics.categories().get(c);
			String stroke = CATEGORY_STROKES.get(c % CATEGORY_STROKES.size());
			StringBuilder points = new StringBuilder();
			for (int i = 0; i < days.size(); i++) {
				ConsentStatistics.OptIn optIn = days.get(i).optIn().get(category);
				if (optIn != null && optIn.rate() != null) {
					double x = LEFT + i * slot + slot / 2;
					double y = TOP + plotH * (1 - optIn.rate());
					points.append(points.isEmpty() ? "" : " ").append(f(x)).append(',').append(f(y));
				}
			}
			lines.add(new ConsentChart.Line(points.toString(), stroke, category));
			legend.add(new ConsentChart.Legend(stroke, null, category));
		}
		List<ConsentChart.Label> labels = axisLabels(days, slot, plotH);
		labels.add(new ConsentChart.Label(f(LEFT - 6), f(TOP + 4), "100 %", "end"));
		labels.add(new ConsentChart.Label(f(LEFT - 6), f(TOP + plotH / 2 + 4), "50 %", "end"));
		return new ConsentChart(WIDTH, HEIGHT, AXIS, List.of(), lines, labels, legend);
	}

	private static List<ConsentChart.Label> axisLabels(List<ConsentStatistics.Counts> days, double slot, double plotH) {
		List<ConsentChart.Label> labels = new ArrayList<>();
		labels.add(new ConsentChart.Label(f(LEFT - 6), f(TOP + plotH + 4), "0", "end"));
		int last = days.size() - 1;
		for (int i : last == 0 ? new int[] { 0 } : new int[] { 0, last / 2, last }) {
			labels.add(new ConsentChart.Label(f(LEFT + i * slot + slot / 2), f(HEIGHT - 8),
					days.get(i).day().toString(), i == 0 && last > 0 ? "start" : i == last && last > 0 ? "end" : "middle"));
		}
		return labels;
	}

	private static long count(ConsentStatistics.Counts day, ConsentMethod method) {
		return switch (method) {
			case ACCEPT_ALL -> day.acceptAll();
			case REFUSE_ALL -> day.refuseAll();
			case CUSTOM -> day.custom();
			case GPC -> day.gpc();
			case WITHDRAW -> day.withdraw();
		};
	}

	/** 1, 2, 5 times a power of ten, at least {@code n}. */
	static long niceCeiling(long n) {
		long power = 1;
		while (true) {
			for (long step : new long[] { 1, 2, 5 }) {
				if (step * power >= n) {
					return Math.max(2, step * power);
				}
			}
			power *= 10;
		}
	}

	private static String f(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}
}
