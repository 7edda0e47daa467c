package io.charter.scanner;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What changed between two scans of a site: findings that appeared and findings that went. */
record ScanDiff(List<Finding> appeared, List<Finding> resolved) {

	static ScanDiff between(List<Finding> before, List<Finding> after) {
		Set<String> was = before.stream().map(Finding::key).collect(Collectors.toSet());
		Set<String> is = after.stream().map(Finding::key).collect(Collectors.toSet());
		return new ScanDiff(after.stream().filter(f -> !was.contains(f.key())).toList(),
				before.stream().filter(f -> !is.contains(f.key())).toList());
	}
}
