package io.towerline.core.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a report as CSV (RFC 4180, CRLF line ends) as its rows stream past. Text that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage
 * return) is prefixed with an apostrophe, so a user name cannot become a formula in the
 * reader's spreadsheet.
 */
final class CsvReportWriter implements AutoCloseable {

	private final Writer out;

	private final List<ReportKind.Column> columns;

	CsvReportWriter(OutputStream out, List<ReportKind.Column> columns) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
		this.columns = columns;
		line(columns.stream().map(ReportKind.Column::name).toList());
	}

	void row(List<String> cells) {
		line(cells);
	}

	@Override
	public void close() {
		try {
			this.out.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void line(List<String> cells) {
		try {
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					this.out.write(',');
				}
				this.out.write(cell(cells.get(i), this.columns.get(i).numeric()));
			}
			this.out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String cell(String value, boolean numeric) {
		String text = (!numeric && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
