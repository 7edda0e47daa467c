package io.charter.compliance.web;

import java.util.Arrays;
import java.util.List;

/**
 * A clause's mapping as typed: Annex A controls separated by commas or spaces ({@code A.7.7, 8.1}),
 * articles separated by commas or semicolons ({@code GDPR Art. 32, ePrivacy Art. 5(3)}).
 */
public record MappingForm(String annex, String articles) {

	/** Ids typed apart by commas, spaces or lines: Annex A controls, and a clause's Charter controls. */
	public static List<String> split(String annex) {
		return annex == null ? List.of() : Arrays.stream(annex.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
	}
}
