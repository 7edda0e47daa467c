package io.charter.shared.personaldata;

import java.util.List;
import java.util.Map;

/**
 * Records of one kind, e.g. {@code consent-records}: a JSON array and a CSV table in the response
 * package. Rows keep their keys' order in the CSV columns.
 *
 * @param name lower-case letters, digits and hyphens
 */
public record Dataset(String name, List<Map<String, Object>> rows) {

	/** The form of a dataset name: lower-case letters, digits and hyphens, at most 63. */
	public static final String NAME = "[a-z0-9][a-z0-9-]{0,62}";

	public Dataset {
		if (name == null || !name.matches(NAME)) {
			throw new IllegalArgumentException("A dataset name is lower-case letters, digits and hyphens");
		}
		rows = List.copyOf(rows);
	}
}
