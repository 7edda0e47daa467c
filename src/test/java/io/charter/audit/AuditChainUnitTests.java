package io.charter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditChainUnitTests {

	static final Instant AT = Instant.parse("2026-11-26T10:15:30.123456Z");

	@Test
	void everyFieldChangesTheHash() {
		String base = AuditChain.hash(AuditChain.GENESIS, 1, AT, "system", "a.b", "t", "id", "s");
		assertThat(AuditChain.hash("1".repeat(64), 1, AT, "system", "a.b", "t", "id", "s")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 2, AT, "system", "a.b", "t", "id", "s")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT.plusNanos(1000), "system", "a.b", "t", "id", "s"))
				.isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "user:x", "a.b", "t", "id", "s")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "system", "a.c", "t", "id", "s")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "system", "a.b", "u", "id", "s")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "system", "a.b", "t", "id2", "s")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "system", "a.b", "t", "id", "s2")).isNotEqualTo(base);
		assertThat(base).hasSize(64).matches("[0-9a-f]+");
	}

	@Test
	void movingTextBetweenFieldsChangesTheHash() {
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "system", "ab", "c", "id", "s"))
				.isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, AT, "system", "a", "bc", "id", "s"));
	}

	@Test
	void sameInputSameHash() {
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "system", "a.b", "t", null, "s"))
				.isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, AT, "system", "a.b", "t", null, "s"));
	}
}
