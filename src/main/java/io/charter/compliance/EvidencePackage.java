package io.charter.compliance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import io.charter.platform.SpreadsheetCsv;
import io.charter.shared.control.Control;
import io.charter.shared.control.EvidenceRows;

/**
 * The auditor's evidence package for a period, built from records only: the clause table (CSV and
 * PDF), every daily figure of the period, each control's evidence rows, the audit trail's
 * verification, and a manifest of the SHA-256 of every file in {@code sha256sum -c} form. Files are
 * written in name order with a fixed time and the PDF with a fixed id and date, so the same inputs
 * give the same bytes, and so the same manifest.
 */
final class EvidencePackage {

	static final String MANIFEST = "MANIFEST.sha256";

	/** The audit trail as verified when the package was built. */
	record AuditCheck(boolean valid, long entries, String headHash) {
	}

	/** What the package is built from. */
	record Input(LocalDate from, LocalDate to, List<ClauseStanding> table, List<Snapshots.Point> figures,
			Map<String, EvidenceRows> evidence, AuditCheck audit) {
	}

	/** The ZIP and its manifest. */
	record Built(byte[] zip, String manifest) {
	}

	private EvidencePackage() {
	}

	/**
	 * @param progress told how many files of how many are written, after each ({@code done} only: the
	 *        total is {@link #files(Input)})
	 */
	static Built build(Input in, IntConsumer progress) {
		SortedMap<String, byte[]> files = new TreeMap<>();
		files.put("clause-table.csv", tableCsv(in.table()));
		progress.accept(files.size());
		files.put("clause-table.pdf", tablePdf(in));
		progress.accept(files.size());
		files.put("daily-figures.csv", figuresCsv(in.figures()));
		progress.accept(files.size());
		new TreeMap<>(in.evidence()).forEach((control, rows) -> {
			files.put("controls/" + control + ".csv", csv(rows.header(), rows.rows()));
			progress.accept(files.size());
		});
		files.put("audit-verification.txt", ("valid=" + in.audit().valid() + "\nentries=" + in.audit().entries()
				+ "\nhead_hash=" + in.audit().headHash() + "\n").getBytes(StandardCharsets.UTF_8));
		StringBuilder manifest = new StringBuilder();
		files.forEach((name, bytes) -> manifest.append(sha256(bytes)).append("  ").append(name).append('\n'));
		files.put(MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
		progress.accept(files.size());
		return new Built(zip(files, in.to()), manifest.toString());
	}

	/** How many files a package of these inputs holds, the manifest included. */
	static int files(Input in) {
		return 5 + in.evidence().size();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] zip(SortedMap<String, byte[]> files, LocalDate to) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (var file : files.entrySet()) {
				ZipEntry entry = new ZipEntry(file.getKey());
				// The period's last day in local time: no time zone or clock reaches the bytes.
				entry.setTimeLocal(to.atStartOfDay());
				zip.putNextEntry(entry);
				zip.write(file.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static final List<String> TABLE_HEADER = List.of("clause", "document", "version", "title", "clause_status",
			"control", "control_status", "met", "of", "exempted", "target");

	static List<List<String>> tableRows(List<ClauseStanding> table) {
		List<List<String>> rows = new ArrayList<>();
		for (ClauseStanding s : table) {
			Clause c = s.clause();
			if (s.controls().isEmpty() && s.missing().isEmpty()) {
				rows.add(List.of(c.id(), c.document(), String.valueOf(c.version()), c.title(), s.status().name(), "", "",
						"", "", "", ""));
			}
			for (Control k : s.controls()) {
				rows.add(List.of(c.id(), c.document(), String.valueOf(c.version()), c.title(), s.status().name(), k.id(),
						k.status().name(), String.valueOf(k.met()), String.valueOf(k.of()), String.valueOf(k.exempted()),
						k.target() == null ? "" : String.valueOf(k.target())));
			}
			for (String missing : s.missing()) {
				rows.add(List.of(c.id(), c.document(), String.valueOf(c.version()), c.title(), s.status().name(), missing,
						"NOT_REPORTED", "", "", "", ""));
			}
		}
		return rows;
	}

	private static byte[] tableCsv(List<ClauseStanding> table) {
		return csv(TABLE_HEADER, tableRows(table));
	}

	private static byte[] figuresCsv(List<Snapshots.Point> figures) {
		return csv(List.of("day", "control", "clauses", "status", "met", "of", "exempted"),
				figures.stream().map(p -> List.of(p.day().toString(), p.controlId(),
						String.join(" ", new java.util.TreeSet<>(p.clauses())), p.status().name(), String.valueOf(p.met()),
						String.valueOf(p.of()), String.valueOf(p.exempted()))).toList());
	}

	private static byte[] csv(List<String> header, List<List<String>> rows) {
		StringBuilder text = new StringBuilder();
		try {
			SpreadsheetCsv csv = new SpreadsheetCsv(text);
			csv.row(header);
			for (List<String> row : rows) {
				csv.row(row);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] tablePdf(Input in) {
		PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
		List<String[]> lines = new ArrayList<>();
		lines.add(new String[] { "B", "Clause table, " + in.from() + " to " + in.to() });
		lines.add(new String[] { "", "Audit trail: " + (in.audit().valid() ? "intact" : "NOT intact") + ", "
				+ in.audit().entries() + " entries, head " + in.audit().headHash() });
		for (ClauseStanding s : in.table()) {
			lines.add(new String[] { "B", s.clause().id() + " " + s.clause().title() + ": " + s.status().name() });
			for (Control k : s.controls()) {
				lines.add(new String[] { "", "  " + k.id() + ": " + k.status().name() + ", " + k.met() + " of " + k.of()
						+ (k.exempted() > 0 ? ", " + k.exempted() + " exempted" : "")
						+ (k.target() == null ? "" : ", target " + Math.round(k.target() * 100) + " %") });
			}
			for (String missing : s.missing()) {
				lines.add(new String[] { "", "  " + missing + ": not reported" });
			}
		}
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
			fixed.clear();
			fixed.set(in.to().getYear(), in.to().getMonthValue() - 1, in.to().getDayOfMonth());
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle("Clause table " + in.from() + " - " + in.to());
			info.setProducer("Charter");
			info.setCreationDate(fixed);
			info.setModificationDate(fixed);
			doc.setDocumentId(in.to().toEpochDay());
			PDPageContentStream page = null;
			float y = 0;
			for (String[] line : lines) {
				if (page == null || y < 50) {
					if (page != null) {
						page.endText();
						page.close();
					}
					PDPage p = new PDPage(PDRectangle.A4);
					doc.addPage(p);
					page = new PDPageContentStream(doc, p);
					page.beginText();
					y = PDRectangle.A4.getHeight() - 50;
					page.newLineAtOffset(40, y);
				}
				PDType1Font font = line[0].equals("B") ? bold : regular;
				page.setFont(font, 9);
				page.showText(encodable(font, line[1]));
				page.newLineAtOffset(0, -13);
				y -= 13;
			}
			page.endText();
			page.close();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The text with every character the standard font cannot write replaced, so a title never fails the PDF. */
	private static String encodable(PDType1Font font, String text) {
		StringBuilder b = new StringBuilder();
		text.codePoints().forEach(cp -> {
			String ch = new String(Character.toChars(cp));
			try {
				font.encode(ch);
				b.append(ch);
			}
			catch (IOException | IllegalArgumentException e) {
				b.append('?');
			}
		});
		return b.toString();
	}
}
