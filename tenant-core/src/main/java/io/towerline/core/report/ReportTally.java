package io.towerline.core.report;

import java.util.List;

/**
 * Adds up a report's rows as they stream past: its totals and its chart, in memory that
 * does not grow with the number of rows.
 */
interface ReportTally {

	void add(List<String> cells);

	List<ReportTotal> totals(long rows);

	/** Names of the chart's two series. */
	List<String> series();

	List<ChartBar> bars();

}
