package io.towerline.core.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.towerline.core.session.OnlineSessionFilter;
import io.towerline.core.session.OnlineSessionOrder;
import io.towerline.core.session.OnlineSessions;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

/**
 * Figures the search benchmarks print (FleetBenchmark in platform-api,
 * OnlineSearchBenchmark here): what a search's statements read, from their
 * {@code EXPLAIN (ANALYZE, BUFFERS)} lines, and percentiles of measured times.
 */
public final class SearchReadFigures {

	private SearchReadFigures() {
	}

	/**
	 * The shared buffers (hit + read) a search's statements touched: the first
	 * {@code Buffers:} line after each statement's {@code -- } header is its plan's top
	 * node, which counts everything below it.
	 */
	public static long buffers(List<String> plans) {
		long buffers = 0;
		boolean top = false;
		for (String line : plans) {
			if (line.startsWith("-- ")) {
				top = true;
			}
			else if (top && line.strip().startsWith("Buffers:")) {
				buffers += count(line, "hit=") + count(line, "read=");
				top = false;
			}
		}
		return buffers;
	}

	/** The statements in a search's plans (one {@code -- } header each). */
	public static long statements(List<String> plans) {
		return plans.stream().filter((line) -> line.startsWith("-- ")).count();
	}

	/**
	 * The value at {@code share} (0.5 for the median) of times in nanoseconds sorted
	 * ascending, in milliseconds; NaN when there are none.
	 */
	public static double percentileMillis(List<Long> sortedNanos, double share) {
		if (sortedNanos.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.min(sortedNanos.size() - 1, Math.ceil(share * sortedNanos.size()) - 1);
		return sortedNanos.get(Math.max(0, index)) / 1e6;
	}

	/**
	 * What PostgreSQL reads for searches of {@code texts} in the tenant's online sessions
	 * (EXPLAIN ANALYZE, BUFFERS of each statement a page of 100 and its count run, in
	 * each order): numbers that do not depend on the machine's load. The plans go to
	 * {@code plansFile}.
	 */
	public static String reads(OnlineSessions sessions, TenantId tenant, List<String> texts, Path plansFile)
			throws IOException {
		StringBuilder summary = new StringBuilder(
				"What one search reads (onlineSessions(first: 100) with totalCount, in each order; "
						+ "shared buffers of 8 KiB hit + read over its statements):\n\n");
		StringBuilder plans = new StringBuilder();
		for (String text : texts) {
			summary.append(String.format(Locale.ROOT, "- `%s`:", text));
			for (OnlineSessionOrder order : OnlineSessionOrder.values()) {
				List<String> lines = TenantContext.callAs(tenant,
						() -> sessions.explain(new OnlineSessionFilter(null, null, null, null, text), order, 101));
				plans.append("=== ").append(text).append(' ').append(order).append('\n');
				lines.forEach((line) -> plans.append(line).append('\n'));
				summary.append(String.format(Locale.ROOT, " %s %,d buffers (%d statements);", order, buffers(lines),
						statements(lines)));
			}
			summary.append('\n');
		}
		Files.createDirectories(plansFile.toAbsolutePath().getParent());
		Files.writeString(plansFile, plans);
		return summary.append('\n').toString();
	}

	private static long count(String line, String key) {
		int at = line.indexOf(key);
		if (at < 0) {
			return 0;
		}
		int end = at + key.length();
		while (end < line.length() && Character.isDigit(line.charAt(end))) {
			end++;
		}
		return Long.parseLong(line.substring(at + key.length(), end));
	}

}
