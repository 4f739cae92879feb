package io.towerline.api.subscriber;

import java.util.ArrayList;
import java.util.List;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;

/**
 * Splits CSV text (RFC 4180) into records, each with the physical line it starts on (line
 * 1 is the first line of the file, whatever quoted line breaks come before). A byte-order
 * mark at the start is skipped; CRLF, LF and CR all end a line. Strict where a lenient
 * reader would silently swallow data: a quote that is never closed, a quote inside an
 * unquoted field and anything but a separator after a closing quote reject the whole
 * text, naming the line where it broke.
 */
final class CsvReader {

	private static final char BOM = '\uFEFF';

	private CsvReader() {
	}

	/**
	 * One record.
	 *
	 * @param line the physical line the record starts on, from 1
	 * @param fields its fields, unquoted
	 */
	record Row(int line, List<String> fields) {

	}

	/**
	 * The records of {@code text}.
	 * @throws InvalidInputException on field {@code csv} when the text is not CSV
	 */
	static List<Row> read(String text) {
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int start = (!text.isEmpty() && text.charAt(0) == BOM) ? 1 : 0;
		int line = 1;
		int recordLine = 1;
		int quoteLine = 0;
		boolean quoted = false;
		boolean closed = false;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
					closed = true;
				}
				else {
					if (isLineBreak(c)) {
						line++;
						if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
							field.append(c);
							c = text.charAt(++i);
						}
					}
					field.append(c);
				}
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				closed = false;
			}
			else if (isLineBreak(c)) {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				field.setLength(0);
				rows.add(new Row(recordLine, fields));
				fields = new ArrayList<>();
				closed = false;
				line++;
				recordLine = line;
			}
			else if (closed) {
				throw broken(line, "a character follows the closing quote of a field; put the quote around the"
						+ " whole field and write a quote inside it as \"\"");
			}
			else if (c == '"') {
				if (field.length() > 0) {
					throw broken(line,
							"a quote inside an unquoted field; quote the whole field and write the quote" + " as \"\"");
				}
				quoted = true;
				quoteLine = line;
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw broken(quoteLine, "a quoted field is never closed (it runs to the end of the file)");
		}
		if (field.length() > 0 || !fields.isEmpty() || closed) {
			fields.add(field.toString());
			rows.add(new Row(recordLine, fields));
		}
		return rows;
	}

	private static boolean isLineBreak(char c) {
		return c == '\n' || c == '\r';
	}

	private static InvalidInputException broken(int line, String reason) {
		return new InvalidInputException(FieldError.invalid("csv", "Line " + line + ": " + reason));
	}

}
