package io.towerline.core.report;

import java.util.List;
import java.util.function.Consumer;

/** Where a report's rows come from: counted first, then streamed in order. */
interface ReportRows {

	boolean serves(ReportKind kind);

	/** How many rows {@link #forEach} will give (in the same transaction). */
	long count(Report report);

	/** Streams the rows' cells, in the order of {@link ReportKind#columns()}. */
	void forEach(Report report, Consumer<List<String>> row);

	ReportTally tally(ReportKind kind);

}
