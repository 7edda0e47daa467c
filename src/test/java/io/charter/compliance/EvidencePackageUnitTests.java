package io.charter.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;
import io.charter.shared.control.EvidenceRows;

/** The evidence package: its manifest verifies, its PDF reads, and the same inputs give the same manifest. */
class EvidencePackageUnitTests {

	static final LocalDate FROM = LocalDate.of(2026, 1, 1);
	static final LocalDate TO = LocalDate.of(2026, 12, 31);

	static EvidencePackage.Input input(String headHash) {
		Clause s1 = new Clause("S1", "work-behaviors", 1, 2, "Security training", "words",
				Set.of("training-12-months", "training-sessions-scheduled"), null);
		Clause c2 = new Clause("C2", "cookie-policy", 10, 1, "2. Coordonnées", "mots", Set.of(), null);
		Control trained = Control.share("training-12-months", "t", Set.of("S1"), 203, 212, 3, 0.95, "f", null);
		List<ClauseStanding> table = List.of(ClauseStanding.of(s1, List.of(trained)), ClauseStanding.of(c2, List.of()));
		var figures = List.of(new Snapshots.Point(TO, "training-12-months", Set.of("S1"), ControlStatus.ATTENTION, 203,
				212, 3));
		Map<String, EvidenceRows> evidence = new LinkedHashMap<>();
		evidence.put("training-12-months", new EvidenceRows(List.of("when", "person_id"),
				List.of(List.of("2026-03-02T09:00:00Z", "p-1"), List.of("2026-09-14T09:00:00Z", "p-2"))));
		evidence.put("exemptions-in-force", new EvidenceRows(List.of("id", "decision_text"),
				List.of(List.of("e-1", "Approved: pen test, \"planned\""))));
		return new EvidencePackage.Input(FROM, TO, table, figures, evidence,
				new EvidencePackage.AuditCheck(true, 42, headHash));
	}

	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				files.put(e.getName(), in.readAllBytes());
			}
		}
		return files;
	}

	@Test
	void theManifestNamesTheSha256OfEveryOtherFile() throws IOException {
		List<Integer> progress = new ArrayList<>();
		EvidencePackage.Built built = EvidencePackage.build(input("abc123"), progress::add);
		Map<String, byte[]> files = unzip(built.zip());

		assertThat(files.keySet()).containsExactly("MANIFEST.sha256", "audit-verification.txt", "clause-table.csv",
				"clause-table.pdf", "controls/exemptions-in-force.csv", "controls/training-12-months.csv",
				"daily-figures.csv");
		String manifest = new String(files.get(EvidencePackage.MANIFEST), StandardCharsets.UTF_8);
		assertThat(manifest).isEqualTo(built.manifest());
		List<String> lines = manifest.lines().toList();
		assertThat(lines).hasSize(files.size() - 1);
		for (String line : lines) {
			String[] parts = line.split("  ", 2);
			assertThat(EvidencePackage.sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
		}
		assertThat(progress).last().isEqualTo(EvidencePackage.files(input("abc123")));
		assertThat(new String(files.get("audit-verification.txt"), StandardCharsets.UTF_8))
				.contains("valid=true", "entries=42", "head_hash=abc123");
		assertThat(new String(files.get("clause-table.csv"), StandardCharsets.UTF_8))
				.contains("S1,work-behaviors,2,Security training,NOT_MEASURED,training-12-months,PASSING,203,212,3,0.95")
				.contains("S1,work-behaviors,2,Security training,NOT_MEASURED,training-sessions-scheduled,NOT_REPORTED");
		assertThat(new String(files.get("controls/exemptions-in-force.csv"), StandardCharsets.UTF_8))
				.contains("\"Approved: pen test, \"\"planned\"\"\"");
	}

	@Test
	void thePdfReadsAsTheClauseTable() throws IOException {
		byte[] pdf = unzip(EvidencePackage.build(input("abc123"), n -> {
		}).zip()).get("clause-table.pdf");
		try (var doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("Clause table, 2026-01-01 to 2026-12-31")
					.contains("Audit trail: intact, 42 entries, head abc123")
					.contains("S1 Security training: NOT_MEASURED")
					.contains("training-12-months: PASSING, 203 of 212, 3 exempted, target 95 %")
					.contains("training-sessions-scheduled: not reported")
					.contains("C2 2. Coordonnées: NOT_MEASURED");
		}
	}

	@Test
	void theSameInputsGiveTheSameManifestAndBytes() {
		EvidencePackage.Built first = EvidencePackage.build(input("abc123"), n -> {
		});
		EvidencePackage.Built second = EvidencePackage.build(input("abc123"), n -> {
		});
		assertThat(second.manifest()).isEqualTo(first.manifest());
		assertThat(second.zip()).isEqualTo(first.zip());
		assertThat(EvidencePackage.build(input("def456"), n -> {
		}).manifest()).isNotEqualTo(first.manifest());
	}
}
