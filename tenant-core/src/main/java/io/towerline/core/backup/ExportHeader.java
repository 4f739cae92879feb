package io.towerline.core.backup;

import java.util.regex.Pattern;

/**
 * The first line of an export, {@code # 2023-06-01 12:16:16 by RouterOS 7.10} (or
 * {@code # jun/01/2023 ...} before 7.10), changes with every export: it is left out of
 * the content hash and the diff, so that an unchanged configuration reads as unchanged.
 */
final class ExportHeader {

	private static final Pattern DATE_LINE = Pattern.compile("# \\S+ \\S+ by RouterOS .*");

	private ExportHeader() {
	}

	static boolean isDateLine(String line) {
		return DATE_LINE.matcher(line.strip()).matches();
	}

}
