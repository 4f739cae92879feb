package io.towerline.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals of an event report (how many of each of its two events) and its chart: the
 * events per day (a period is at most a year, so at most a few hundred bars).
 */
final class EventTally implements ReportTally {

	private final String first;

	private final String second;

	private final int when;

	private final int event;

	private final Map<String, long[]> perDay = new TreeMap<>();

	private long firstCount;

	private long secondCount;

	EventTally(ReportKind kind, String first, String second) {
		List<String> names = kind.columns().stream().map(ReportKind.Column::name).toList();
		this.first = first;
		this.second = second;
		this.when = names.indexOf("occurred_at");
		this.event = names.indexOf("event");
	}

	@Override
	public void add(List<String> cells) {
		long[] day = this.perDay.computeIfAbsent(cells.get(this.when).substring(0, 10), (key) -> new long[2]);
		if (this.first.equals(cells.get(this.event))) {
			day[0]++;
			this.firstCount++;
		}
		else {
			day[1]++;
			this.secondCount++;
		}
	}

	@Override
	public List<ReportTotal> totals(long rows) {
		List<ReportTotal> totals = new ArrayList<>();
		totals.add(new ReportTotal("Rows", rows));
		totals.add(new ReportTotal(this.first, this.firstCount));
		if (!this.second.isEmpty()) {
			totals.add(new ReportTotal(this.second, this.secondCount));
		}
		return totals;
	}

	@Override
	public List<String> series() {
		return this.second.isEmpty() ? List.of(this.first) : List.of(this.first, this.second);
	}

	@Override
	public List<ChartBar> bars() {
		return this.perDay.entrySet()
			.stream()
			.map((day) -> new ChartBar(day.getKey(), day.getValue()[0], day.getValue()[1]))
			.toList();
	}

}
