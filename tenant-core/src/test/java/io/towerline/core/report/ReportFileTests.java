package io.towerline.core.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report files without a database: CSV quoting and formula neutralising, chunks that
 * hold at most one chunk of memory and lose no byte at their edges, and a PDF whose pages
 * carry headers, numbers and the totals after the last row.
 */
class ReportFileTests {

	@Test
	void shouldQuoteCsvCellsAndNeutraliseFormulas() {
		assertThat(CsvReportWriter.cell("alice", false)).isEqualTo("alice");
		assertThat(CsvReportWriter.cell("a,b", false)).isEqualTo("\"a,b\"");
		assertThat(CsvReportWriter.cell("say \"hi\"", false)).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(CsvReportWriter.cell("line\nbreak", false)).isEqualTo("\"line\nbreak\"");
		for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx")) {
			assertThat(CsvReportWriter.cell(formula, false)).as(formula).startsWith("'");
		}
		assertThat(CsvReportWriter.cell("=HYPERLINK(\"x\",\"y\")", false))
			.isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
		assertThat(CsvReportWriter.cell("-5", true)).isEqualTo("-5");
	}

	@Test
	void shouldStoreFullChunksAndTheRestAtClose() {
		List<byte[]> chunks = new ArrayList<>();
		ReportFiles.ChunkWriter writer = new ReportFiles.ChunkWriter(4, (seq, data) -> {
			assertThat(seq).isEqualTo(chunks.size());
			chunks.add(data);
		});
		writer.write("abc".getBytes(), 0, 3);
		writer.write("defghij".getBytes(), 0, 7);
		assertThat(chunks).hasSize(2);
		writer.write('k');
		writer.close();
		writer.close();
		assertThat(chunks).extracting(String::new).containsExactly("abcd", "efgh", "ijk");
		assertThat(writer.size()).isEqualTo(11);
	}

	@Test
	void shouldNumberEveryPageAndPutTheTotalsAfterTheLastRow() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PdfReportWriter pdf = new PdfReportWriter(ReportKind.USAGE_BY_ROUTER, "Period test")) {
			for (int i = 0; i < 100; i++) {
				pdf.row(List.of("id-" + i, "router-" + i + " \u4e2d", Long.toString(1_000_000L * i), "5", "10"));
			}
			pdf.finish(List.of(new ReportTotal("Rows", 100), new ReportTotal("Download bytes", 4_950_000_000L)), out);
		}
		try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
			int pages = document.getNumberOfPages();
			assertThat(pages).isGreaterThan(1);
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(pages);
			stripper.setEndPage(pages);
			String last = stripper.getText(document).replaceAll("\\s+", " ");
			assertThat(last).contains("Usage by router")
				.contains("Router Download Upload Total")
				.contains("router-99 ? 99,000,000 5 10")
				.contains("Totals Rows 100 Download bytes 4,950,000,000")
				.contains("Page " + pages + " of " + pages);
			stripper.setStartPage(1);
			stripper.setEndPage(1);
			assertThat(stripper.getText(document)).contains("Page 1 of " + pages)
				.contains("Period test")
				.doesNotContain("id-0")
				.doesNotContain("Totals");
		}
	}

}
