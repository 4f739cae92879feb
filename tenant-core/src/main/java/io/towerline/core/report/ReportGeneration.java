package io.towerline.core.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import io.towerline.core.report.ReportFiles.ChunkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates one report, as its job: counts the rows and streams them into the CSV and PDF
 * writers and the tally, all inside one read-only REPEATABLE READ transaction, so the
 * count, the rows and the totals come from the same snapshot. Progress, file chunks and
 * the outcome are written in transactions of their own, so they are seen while the report
 * runs. Memory does not grow with the rows: PostgreSQL adds up and sends a page of rows
 * at a time, the CSV is stored a chunk at a time, the PDF's pages go to a temporary file.
 * A job that is run again (its replica died) starts the report over as its next attempt;
 * only the current attempt records anything, and a report whose attempts are used up is
 * failed with REPORT_GENERATION_ABANDONED (ADR 0223).
 */
@Component
class ReportGeneration {

	private static final Logger log = LoggerFactory.getLogger(ReportGeneration.class);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private final ReportStore store;

	private final ReportFiles files;

	private final List<ReportRows> sources;

	private final ReportProperties properties;

	private final Clock clock;

	private final TransactionTemplate snapshot;

	private final TransactionTemplate ownTransaction;

	ReportGeneration(ReportStore store, ReportFiles files, List<ReportRows> sources, ReportProperties properties,
			Clock clock, PlatformTransactionManager transactions) {
		this.store = store;
		this.files = files;
		this.sources = sources;
		this.properties = properties;
		this.clock = clock;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void generate(UUID id) {
		record Started(Report report, int attempt) {
		}
		Started started = this.ownTransaction.execute((tx) -> this.store.find(id).flatMap((found) -> {
			OptionalInt attempt = this.store.start(id, this.clock.instant(), this.properties.maxAttempts());
			if (attempt.isEmpty() && this.store.abandon(id,
					"Generation was started " + this.properties.maxAttempts()
							+ " times and did not finish (its server stopped each time); ask for the report again",
					this.clock.instant())) {
				log.warn("Report {} ({}) abandoned after {} attempts", id, found.kind(), this.properties.maxAttempts());
				this.files.deleteAll(id);
			}
			return attempt.isPresent() ? Optional.of(new Started(found, attempt.getAsInt())) : Optional.empty();
		}).orElse(null));
		if (started == null) {
			// purged, already final (a job run again after it finished) or abandoned
			return;
		}
		generate(started.report(), started.attempt());
	}

	private void generate(Report report, int attempt) {
		UUID id = report.id();
		this.files.deleteBefore(id, attempt);
		ReportRows rows = this.sources.stream()
			.filter((source) -> source.serves(report.kind()))
			.findFirst()
			.orElseThrow();
		ReportTally tally = rows.tally(report.kind());
		ChunkWriter csvFile = this.files.writer(id, attempt, ReportFormat.CSV);
		try (CsvReportWriter csv = new CsvReportWriter(csvFile, report.kind().columns());
				PdfReportWriter pdf = new PdfReportWriter(report.kind(), subtitle(report))) {
			long written = this.snapshot.execute((tx) -> {
				long total = rows.count(report);
				progress(id, attempt, 0, total);
				long[] done = { 0 };
				rows.forEach(report, (cells) -> {
					csv.row(cells);
					pdf.row(cells);
					tally.add(cells);
					if (++done[0] % this.properties.progressEvery() == 0) {
						progress(id, attempt, done[0], total);
					}
				});
				return done[0];
			});
			csv.close();
			List<ReportTotal> totals = tally.totals(written);
			ChunkWriter pdfFile = this.files.writer(id, attempt, ReportFormat.PDF);
			pdf.finish(totals, pdfFile);
			pdfFile.close();
			boolean recorded = Boolean.TRUE.equals(this.ownTransaction.execute((tx) -> this.store.succeed(id, attempt,
					written, totals, csvFile.size(), pdfFile.size(), tally.bars(), this.clock.instant())));
			if (!recorded) {
				// a later attempt has the report (this job was revived elsewhere while it
				// ran)
				log.info("Report {} attempt {} finished after a later attempt took the report over", id, attempt);
				this.files.delete(id, attempt);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Report {} ({}) attempt {} failed: {}", id, report.kind(), attempt, ex.toString());
			this.files.delete(id, attempt);
			this.ownTransaction.executeWithoutResult((tx) -> this.store.fail(id, attempt,
					"Generation failed (" + ex.getClass().getSimpleName() + "); see the server log",
					this.clock.instant()));
		}
	}

	private void progress(UUID id, int attempt, long done, long total) {
		this.ownTransaction.executeWithoutResult((tx) -> this.store.progress(id, attempt, done, total));
	}

	private String subtitle(Report report) {
		Instant now = this.clock.instant();
		String limit = (report.limit() != null) ? " - top " + report.limit() : "";
		return "Period " + MINUTE.format(report.from()) + " to " + MINUTE.format(report.to()) + " UTC (end excluded)"
				+ limit + " - generated " + MINUTE.format(now) + " UTC";
	}

}
