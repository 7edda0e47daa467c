package io.charter.devices.web;

import java.util.List;

/**
 * One page of the fleet's unapproved software.
 *
 * @param page from 0
 * @param total how many lines the whole report has
 */
public record UnapprovedPage(List<UnapprovedView> lines, int total, int page, int size) {

	public int pages() {
		return Math.max(1, (total + size - 1) / size);
	}

	/** The number (from 0) of every page, for the page links. */
	public List<Integer> numbers() {
		return java.util.stream.IntStream.range(0, pages()).boxed().toList();
	}
}
