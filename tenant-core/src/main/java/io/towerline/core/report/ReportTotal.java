package io.towerline.core.report;

import java.util.List;

/**
 * One figure a report's rows add up to, e.g. {@code Download bytes} or {@code Suspended}.
 */
public record ReportTotal(String name, long value) {

	/** Stored form: one {@code name<TAB>value} line per total. */
	static String store(Iterable<ReportTotal> totals) {
		StringBuilder stored = new StringBuilder();
		totals.forEach((total) -> stored.append(total.name()).append('\t').append(total.value()).append('\n'));
		return stored.toString();
	}

	static List<ReportTotal> parse(String stored) {
		return stored.lines().filter((line) -> !line.isEmpty()).map((line) -> {
			int tab = line.lastIndexOf('\t');
			return new ReportTotal(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
		}).toList();
	}

}
