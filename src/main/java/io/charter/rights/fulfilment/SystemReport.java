package io.charter.rights.fulfilment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.charter.rights.RequestType;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;

/**
 * What a connected system reports on its task: {@code {"status": "DONE", "records": 3, "detail":
 * "…"}}, and for an access or portability request the data it holds on the person, {@code
 * "datasets": [{"name": "contacts", "rows": [{…}]}]}, with optional art. 15(1) {@code
 * "information": {"purposes", "categories", "recipients", "retention", "source"}}.
 *
 * @param records the records acted on; for a report with data, at least the number of rows
 */
record SystemReport(String status, int records, String detail, List<Dataset> datasets, Holding information) {

	private static final Set<String> STATUSES = Set.of("DONE", "NOTHING_HELD", "PARTLY", "FAILED");
	static final int MAX_DATASETS = 100;
	static final int MAX_INFORMATION = 1000;
	static final int STORED_INFORMATION = 6000;

	boolean done() {
		return !"FAILED".equals(status);
	}

	/** The report, or empty when it does not follow the format (or brings data the request does not ask for). */
	static Optional<SystemReport> parse(JsonNode node, RequestType type, JsonMapper json) {
		if (node == null || !node.isObject()) {
			return Optional.empty();
		}
		String status = node.path("status").asString("");
		int records = node.path("records").asInt(0);
		String detail = node.path("detail").asString("");
		if (!STATUSES.contains(status) || records < 0 || detail.length() > 2000) {
			return Optional.empty();
		}
		JsonNode sets = node.path("datasets");
		List<Dataset> datasets = new ArrayList<>();
		if (!sets.isMissingNode() && !sets.isNull()) {
			// Data only where the request asks for them, and only with a report that the system acted.
			if (!type.deliversData() || !sets.isArray() || sets.size() > MAX_DATASETS
					|| !("DONE".equals(status) || "PARTLY".equals(status))) {
				return Optional.empty();
			}
			Set<String> names = new HashSet<>();
			for (JsonNode set : sets) {
				Optional<Dataset> dataset = dataset(set, json);
				if (dataset.isEmpty() || !names.add(dataset.get().name())) {
					return Optional.empty();
				}
				datasets.add(dataset.get());
			}
		}
		Optional<Holding> information = information(node.path("information"), datasets);
		if (information.isEmpty()) {
			return Optional.empty();
		}
		int rows = datasets.stream().mapToInt(d -> d.rows().size()).sum();
		return Optional.of(new SystemReport(status, Math.max(records, rows), detail, datasets, information.get()));
	}

	@SuppressWarnings("unchecked")
	private static Optional<Dataset> dataset(JsonNode set, JsonMapper json) {
		JsonNode rows = set.path("rows");
		String name = set.path("name").asString("");
		if (!set.isObject() || !rows.isArray() || !name.matches(Dataset.NAME)) {
			return Optional.empty();
		}
		for (JsonNode row : rows) {
			if (!row.isObject()) {
				return Optional.empty();
			}
		}
		return Optional.of(new Dataset(name, (List<Map<String, Object>>) json.treeToValue(rows, List.class)));
	}

	private static Optional<Holding> information(JsonNode info, List<Dataset> datasets) {
		int rows = datasets.stream().mapToInt(d -> d.rows().size()).sum();
		if (info.isMissingNode() || info.isNull()) {
			return Optional.of(new Holding(rows, null, null, null, null, null));
		}
		if (!info.isObject()) {
			return Optional.empty();
		}
		List<String> values = new ArrayList<>();
		for (String field : List.of("purposes", "categories", "recipients", "retention", "source")) {
			JsonNode v = info.path(field);
			if (!v.isMissingNode() && !v.isNull() && (!v.isString() || v.asString().length() > MAX_INFORMATION)) {
				return Optional.empty();
			}
			values.add(v.isString() && !v.asString().isBlank() ? v.asString().strip() : null);
		}
		// Stored as one JSON object in a column of STORED_INFORMATION characters: quotes, backslashes
		// and control characters grow when escaped, so the limit is checked on the escaped form.
		int stored = 100 + values.stream().mapToInt(SystemReport::escapedLength).sum();
		if (stored > STORED_INFORMATION) {
			return Optional.empty();
		}
		return Optional.of(new Holding(rows, values.get(0), values.get(1), values.get(2), values.get(3), values.get(4)));
	}

	private static int escapedLength(String value) {
		if (value == null) {
			return 0;
		}
		int length = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			length += c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : 1;
		}
		return length;
	}
}
