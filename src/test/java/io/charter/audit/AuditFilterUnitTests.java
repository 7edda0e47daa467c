package io.charter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AuditFilterUnitTests {

	@Test
	void theNextPageKeepsEveryCriterionEncoded() {
		AuditFilter filter = new AuditFilter("user.", "user", "a&b=c", "user:1/token:2", LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31));
		assertThat(filter.pageLink(2)).isEqualTo("/audit?page=2&action=user.&entityType=user&entityId=a%26b%3Dc"
				+ "&actor=user%3A1%2Ftoken%3A2&from=2026-01-01&to=2026-12-31");
		assertThat(AuditFilter.none().pageLink(0)).isEqualTo("/audit?page=0");
	}
}
