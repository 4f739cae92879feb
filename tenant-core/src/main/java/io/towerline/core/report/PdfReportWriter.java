package io.towerline.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;

/**
 * Writes a report as a table on A4 landscape pages as its rows stream past: the title and
 * period on every page, the column headers on every page, the totals after the last row
 * and "Page n of N" on every page. Page content goes to a temporary file as it is written
 * (PDFBox's temp-file stream cache), so the heap holds only the page objects, not the
 * rows. Id columns are left out (they are in the CSV). Text is drawn in Helvetica, whose
 * encoding covers Latin-1; other characters print as {@code ?}.
 */
final class PdfReportWriter implements AutoCloseable {

	private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

	private static final float MARGIN = 36;

	private static final float LINE = 12;

	private static final float SIZE = 8;

	private static final float PADDING = 4;

	// made once per JVM: PDFBox looks for a system font to render each standard font with
	// (and logs when it falls back), and the objects only carry metrics and a name
	private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final PDType1Font regular = REGULAR;

	private final PDType1Font bold = BOLD;

	private final PDDocument document;

	private final String title;

	private final String subtitle;

	private final List<ReportKind.Column> columns;

	/** Positions in the rows of the columns printed. */
	private final int[] printed;

	private final float[] left;

	private final float[] width;

	private @Nullable PDPageContentStream page;

	private float y;

	PdfReportWriter(ReportKind kind, String subtitle) {
		this.document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
		this.title = kind.title();
		this.subtitle = subtitle;
		this.columns = kind.columns();
		this.printed = IntStream.range(0, this.columns.size()).filter((i) -> this.columns.get(i).width() > 0).toArray();
		int shares = 0;
		for (int i : this.printed) {
			shares += this.columns.get(i).width();
		}
		float usable = PAGE.getWidth() - 2 * MARGIN;
		this.left = new float[this.printed.length];
		this.width = new float[this.printed.length];
		float x = MARGIN;
		for (int p = 0; p < this.printed.length; p++) {
			this.left[p] = x;
			this.width[p] = usable * this.columns.get(this.printed[p]).width() / shares;
			x += this.width[p];
		}
	}

	void row(List<String> cells) {
		if (this.page == null || this.y < MARGIN + 2 * LINE) {
			newPage();
		}
		for (int p = 0; p < this.printed.length; p++) {
			ReportKind.Column column = this.columns.get(this.printed[p]);
			String value = cells.get(this.printed[p]);
			cell(this.regular, column.numeric() ? grouped(value) : value, p, column.numeric());
		}
		this.y -= LINE;
	}

	/**
	 * Writes the totals after the rows, numbers the pages and saves the PDF to
	 * {@code out}.
	 */
	void finish(List<ReportTotal> totals, OutputStream out) {
		if (this.page == null || this.y < MARGIN + (totals.size() + 3) * LINE) {
			newPage();
		}
		try {
			PDPageContentStream content = this.page;
			this.y -= LINE / 2;
			content.setLineWidth(0.5f);
			content.moveTo(MARGIN, this.y + LINE - 2);
			content.lineTo(PAGE.getWidth() - MARGIN, this.y + LINE - 2);
			content.stroke();
			text(this.bold, SIZE + 1, MARGIN, this.y, "Totals");
			this.y -= LINE;
			for (ReportTotal total : totals) {
				text(this.regular, SIZE, MARGIN, this.y, printable(total.name()));
				String value = grouped(Long.toString(total.value()));
				text(this.regular, SIZE, MARGIN + 200 - textWidth(this.regular, SIZE, value), this.y, value);
				this.y -= LINE;
			}
			content.close();
			this.page = null;
			numberPages();
			this.document.save(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			if (this.page != null) {
				this.page.close();
			}
			this.document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void newPage() {
		try {
			if (this.page != null) {
				this.page.close();
			}
			PDPage next = new PDPage(PAGE);
			this.document.addPage(next);
			this.page = new PDPageContentStream(this.document, next);
			this.y = PAGE.getHeight() - MARGIN - 12;
			text(this.bold, 14, MARGIN, this.y, printable(this.title));
			this.y -= 14;
			text(this.regular, SIZE + 1, MARGIN, this.y, printable(this.subtitle));
			this.y -= LINE * 1.5f;
			for (int p = 0; p < this.printed.length; p++) {
				ReportKind.Column column = this.columns.get(this.printed[p]);
				cell(this.bold, column.title(), p, column.numeric());
			}
			this.page.setLineWidth(0.5f);
			this.page.moveTo(MARGIN, this.y - 3);
			this.page.lineTo(PAGE.getWidth() - MARGIN, this.y - 3);
			this.page.stroke();
			this.y -= LINE + 2;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void numberPages() throws IOException {
		int pages = this.document.getNumberOfPages();
		int number = 0;
		for (PDPage each : this.document.getPages()) {
			number++;
			try (PDPageContentStream footer = new PDPageContentStream(this.document, each,
					PDPageContentStream.AppendMode.APPEND, true)) {
				String label = "Page " + number + " of " + pages;
				footer.beginText();
				footer.setFont(this.regular, SIZE);
				footer.newLineAtOffset(PAGE.getWidth() - MARGIN - textWidth(this.regular, SIZE, label), MARGIN / 2);
				footer.showText(label);
				footer.endText();
			}
		}
	}

	private void cell(PDType1Font font, String value, int p, boolean rightAligned) {
		float room = this.width[p] - PADDING;
		String text = fit(font, printable(value), room);
		float x = rightAligned ? this.left[p] + room - textWidth(font, SIZE, text) : this.left[p];
		text(font, SIZE, x, this.y, text);
	}

	private void text(PDType1Font font, float size, float x, float atY, String text) {
		try {
			PDPageContentStream content = this.page;
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, atY);
			content.showText(text);
			content.endText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String fit(PDType1Font font, String text, float room) {
		if (textWidth(font, SIZE, text) <= room) {
			return text;
		}
		String cut = text;
		while (!cut.isEmpty() && textWidth(font, SIZE, cut + "...") > room) {
			cut = cut.substring(0, cut.length() - 1);
		}
		return cut + "...";
	}

	private static float textWidth(PDType1Font font, float size, String text) {
		try {
			return font.getStringWidth(text) / 1000 * size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Characters outside Latin-1 (or control characters) become {@code ?}. */
	static String printable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(((c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF)) ? c : '?');
		}
		return out.toString();
	}

	private static String grouped(String number) {
		return number.isEmpty() ? number : String.format(Locale.ROOT, "%,d", Long.parseLong(number));
	}

}
