package io.towerline.api.subscriber;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes
 * doubled. A value a spreadsheet would run as a formula (starting with =, @, tab or
 * carriage return, or with + or - unless it is a phone number) is prefixed with an
 * apostrophe, so an exported name cannot execute.
 */
final class CsvCells {

	private static final Pattern PHONE = Pattern.compile("[+-][0-9 ()./-]*");

	private CsvCells() {
	}

	static String cell(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = runsAsFormula(value) ? "'" + value : value;
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	private static boolean runsAsFormula(String value) {
		char first = value.charAt(0);
		if (first == '+' || first == '-') {
			return !PHONE.matcher(value).matches();
		}
		return "=@\t\r".indexOf(first) >= 0;
	}

}
