package io.towerline.core.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.core.error.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * One requested report.
 *
 * @param from start of the period (inclusive)
 * @param to end of the period (exclusive)
 * @param limit most rows (top users only)
 * @param rowsDone rows written so far
 * @param rowsTotal rows the report will have, once counted
 * @param totals what the rows add up to, once generated
 * @param csvBytes size of the CSV file, once generated
 * @param pdfBytes size of the PDF file, once generated
 * @param failure why generation failed
 * @param failureCode what kind of failure it was (REPORT_GENERATION_FAILED or
 * REPORT_GENERATION_ABANDONED)
 * @param requestedBy who asked ({@code user:<name>}, {@code client:<id>})
 * @param expiresAt when the report and its files are removed
 */
public record Report(UUID id, ReportKind kind, Instant from, Instant to, @Nullable Integer limit, ReportStatus status,
		long rowsDone, @Nullable Long rowsTotal, List<ReportTotal> totals, @Nullable Long csvBytes,
		@Nullable Long pdfBytes, @Nullable String failure, @Nullable ErrorCode failureCode, String requestedBy,
		Instant requestedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, Instant expiresAt) {

	/** The size of the file in {@code format}, once generated. */
	public @Nullable Long size(ReportFormat format) {
		return (format == ReportFormat.CSV) ? this.csvBytes : this.pdfBytes;
	}

}
