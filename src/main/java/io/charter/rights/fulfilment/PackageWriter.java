package io.charter.rights.fulfilment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import io.charter.platform.Secrets;
import io.charter.platform.SpreadsheetCsv;
import io.charter.rights.DataSubjectRequest;
import io.charter.rights.Letters;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;

/**
 * Writes the response package of an access or portability request: a zip with the information of
 * GDPR art. 15(1) (README.txt for people, information.json for machines) and, per module, every
 * dataset as JSON (faithful, for portability, art. 20) and as CSV (for spreadsheets).
 */
@Component
class PackageWriter {

	record Written(byte[] zip, String sha256, String inventory) {
	}

	/**
	 * What a connected system contributes: its datasets, or nothing when staff closed its task
	 * without a report ({@code reported} false).
	 */
	record SystemPart(String system, boolean reported, Holding holding, List<Dataset> datasets) {

		int records() {
			return datasets.stream().mapToInt(d -> d.rows().size()).sum();
		}
	}

	/** Folder of the systems' data, apart from the modules' folders whatever the names. */
	static final String SYSTEMS = "systems/";

	private final JsonMapper json;
	private final MessageSource messages;
	private final Letters letters;

	PackageWriter(JsonMapper json, MessageSource messages, Letters letters) {
		this.json = json;
		this.messages = messages;
		this.letters = letters;
	}

	Written write(DataSubjectRequest r, List<Fulfilment.Exported> exports, List<SystemPart> systems, LocalDate today) {
		String lang = Letters.language(r.language());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		List<String> inventory = new ArrayList<>();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			// Fixed entry times: the same content gives the same package, and the hash proves it.
			Instant stamp = today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
			put(zip, "README.txt", readme(r, exports, systems, today, lang).getBytes(StandardCharsets.UTF_8), stamp);
			put(zip, "information.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(
					information(r, exports, systems, today, lang)), stamp);
			for (Fulfilment.Exported export : exports) {
				List<String> sets = new ArrayList<>();
				for (Dataset dataset : export.datasets()) {
					String base = safe(export.holder()) + "/" + dataset.name();
					put(zip, base + ".json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(dataset.rows()), stamp);
					put(zip, base + ".csv", csv(dataset.rows()).getBytes(StandardCharsets.UTF_8), stamp);
					sets.add(dataset.name() + " " + dataset.rows().size());
				}
				inventory.add(export.holder() + ": " + (sets.isEmpty() ? "nothing held" : String.join(", ", sets)));
			}
			for (SystemPart system : systems) {
				List<String> sets = new ArrayList<>();
				for (Dataset dataset : system.datasets()) {
					String base = SYSTEMS + safe(system.system()) + "/" + dataset.name();
					put(zip, base + ".json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(dataset.rows()), stamp);
					put(zip, base + ".csv", csv(dataset.rows()).getBytes(StandardCharsets.UTF_8), stamp);
					sets.add(dataset.name() + " " + dataset.rows().size());
				}
				inventory.add("system " + system.system() + ": " + (!system.reported() ? "not reported (overridden)"
						: sets.isEmpty() ? "nothing held" : String.join(", ", sets)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		byte[] zip = bytes.toByteArray();
		return new Written(zip, Secrets.sha256(zip), String.join("; ", inventory));
	}

	private String readme(DataSubjectRequest r, List<Fulfilment.Exported> exports, List<SystemPart> systems,
			LocalDate today, String lang) {
		StringBuilder out = new StringBuilder();
		out.append(t(lang, "rights.package.title", r.reference())).append("\n\n");
		out.append(t(lang, "rights.package.intro", r.email())).append('\n');
		out.append(t(lang, "rights.package.generated", Letters.date(today, lang))).append("\n\n");
		for (Fulfilment.Exported export : exports) {
			out.append("== ").append(t(lang, "rights.package.module", export.holder(), export.records())).append(" ==\n");
			Holding h = export.holding();
			if (export.datasets().isEmpty() && !h.holdsData()) {
				out.append(t(lang, "rights.package.nothing")).append("\n\n");
				continue;
			}
			information(out, lang, h);
			for (Dataset d : export.datasets()) {
				out.append("- ").append(safe(export.holder())).append('/').append(d.name()).append(".json, .csv (")
						.append(d.rows().size()).append(")\n");
			}
			out.append('\n');
		}
		for (SystemPart system : systems) {
			out.append("== ").append(t(lang, "rights.package.system", system.system(), system.records())).append(" ==\n");
			if (!system.reported()) {
				out.append(t(lang, "rights.package.system-missing")).append("\n\n");
				continue;
			}
			if (system.datasets().isEmpty()) {
				out.append(t(lang, "rights.package.nothing")).append("\n\n");
				continue;
			}
			information(out, lang, system.holding());
			for (Dataset d : system.datasets()) {
				out.append("- ").append(SYSTEMS).append(safe(system.system())).append('/').append(d.name())
						.append(".json, .csv (").append(d.rows().size()).append(")\n");
			}
			out.append('\n');
		}
		out.append(t(lang, "rights.package.rights")).append("\n\n");
		out.append(t(lang, "rights.package.automated")).append("\n\n");
		out.append(letters.complaint(lang)).append('\n');
		return out.toString();
	}

	private void information(StringBuilder out, String lang, Holding h) {
		line(out, t(lang, "rights.package.purposes"), h.purposes());
		line(out, t(lang, "rights.package.categories"), h.categories());
		line(out, t(lang, "rights.package.recipients"), h.recipients());
		line(out, t(lang, "rights.package.retention"), h.retention());
		line(out, t(lang, "rights.package.source"), h.source());
	}

	private Map<String, Object> information(DataSubjectRequest r, List<Fulfilment.Exported> exports,
			List<SystemPart> systems, LocalDate today, String lang) {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("reference", r.reference());
		info.put("requestType", r.type().name());
		info.put("receivedOn", r.receivedOn().toString());
		info.put("generatedOn", today.toString());
		info.put("language", lang);
		List<Map<String, Object>> modules = new ArrayList<>();
		for (Fulfilment.Exported export : exports) {
			Map<String, Object> m = new LinkedHashMap<>();
			Holding h = export.holding();
			m.put("module", export.holder());
			m.put("records", export.records());
			m.put("purposes", h.purposes());
			m.put("categories", h.categories());
			m.put("recipients", h.recipients());
			m.put("retention", h.retention());
			m.put("source", h.source());
			m.put("datasets", export.datasets().stream().map(d -> Map.of("name", d.name(), "records", d.rows().size(),
					"files", List.of(safe(export.holder()) + "/" + d.name() + ".json", safe(export.holder()) + "/" + d.name() + ".csv")))
					.toList());
			modules.add(m);
		}
		info.put("modules", modules);
		List<Map<String, Object>> others = new ArrayList<>();
		for (SystemPart system : systems) {
			Map<String, Object> m = new LinkedHashMap<>();
			Holding h = system.holding();
			m.put("system", system.system());
			m.put("reported", system.reported());
			m.put("records", system.records());
			m.put("purposes", h.purposes());
			m.put("categories", h.categories());
			m.put("recipients", h.recipients());
			m.put("retention", h.retention());
			m.put("source", h.source());
			String folder = SYSTEMS + safe(system.system()) + "/";
			m.put("datasets", system.datasets().stream().map(d -> Map.of("name", d.name(), "records", d.rows().size(),
					"files", List.of(folder + d.name() + ".json", folder + d.name() + ".csv"))).toList());
			others.add(m);
		}
		info.put("systems", others);
		info.put("rights", t(lang, "rights.package.rights"));
		info.put("automatedDecisions", t(lang, "rights.package.automated"));
		info.put("complaint", letters.complaint(lang));
		return info;
	}

	/**
	 * CSV with a column per key, in the order keys first appear, written as {@link SpreadsheetCsv}
	 * writes it (formulas defused); the JSON file keeps the exact values.
	 */
	String csv(List<Map<String, Object>> rows) throws IOException {
		Set<String> columns = new LinkedHashSet<>();
		rows.forEach(row -> columns.addAll(row.keySet()));
		StringBuilder out = new StringBuilder();
		SpreadsheetCsv csv = new SpreadsheetCsv(out);
		csv.row(List.copyOf(columns));
		for (Map<String, Object> row : rows) {
			List<String> cells = new ArrayList<>();
			for (String column : columns) {
				Object value = row.get(column);
				cells.add(value == null ? "" : value instanceof Map || value instanceof List
						? json.writeValueAsString(value) : String.valueOf(value));
			}
			csv.row(cells);
		}
		return out.toString();
	}

	private static void line(StringBuilder out, String label, String value) {
		if (value != null && !value.isBlank()) {
			out.append(label).append(": ").append(value.strip()).append('\n');
		}
	}

	private static void put(ZipOutputStream zip, String name, byte[] content, Instant stamp) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(stamp.toEpochMilli());
		zip.putNextEntry(entry);
		zip.write(content);
		zip.closeEntry();
	}

	/** Holder names become folder names: keep them to a safe alphabet. */
	private static String safe(String name) {
		String s = name == null ? "module" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
		return s.isEmpty() ? "module" : s;
	}

	private String t(String lang, String key, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag(lang));
	}
}
