package io.towerline.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Totals of a usage report (download, upload, both) and its chart: the {@value #BARS}
 * groups that used most, kept in a bounded heap.
 */
final class UsageTally implements ReportTally {

	static final int BARS = 20;

	private static final Comparator<ChartBar> BY_TOTAL = Comparator
		.comparingLong((ChartBar bar) -> bar.first() + bar.second())
		.thenComparing(ChartBar::label, Comparator.reverseOrder());

	private final int label;

	private final int download;

	private final int upload;

	private final PriorityQueue<ChartBar> biggest = new PriorityQueue<>(BY_TOTAL);

	private long downloadBytes;

	private long uploadBytes;

	UsageTally(ReportKind kind) {
		List<String> names = kind.columns().stream().map(ReportKind.Column::name).toList();
		this.label = names.indexOf("download_bytes") - 1;
		this.download = names.indexOf("download_bytes");
		this.upload = names.indexOf("upload_bytes");
	}

	@Override
	public void add(List<String> cells) {
		long down = Long.parseLong(cells.get(this.download));
		long up = Long.parseLong(cells.get(this.upload));
		this.downloadBytes += down;
		this.uploadBytes += up;
		this.biggest.add(new ChartBar(cells.get(this.label), down, up));
		if (this.biggest.size() > BARS) {
			this.biggest.poll();
		}
	}

	@Override
	public List<ReportTotal> totals(long rows) {
		return List.of(new ReportTotal("Rows", rows), new ReportTotal("Download bytes", this.downloadBytes),
				new ReportTotal("Upload bytes", this.uploadBytes),
				new ReportTotal("Total bytes", this.downloadBytes + this.uploadBytes));
	}

	@Override
	public List<String> series() {
		return List.of("Download bytes", "Upload bytes");
	}

	@Override
	public List<ChartBar> bars() {
		List<ChartBar> bars = new ArrayList<>(this.biggest);
		bars.sort(BY_TOTAL.reversed());
		return bars;
	}

}
