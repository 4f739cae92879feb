package io.towerline.core.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code report} and {@code report_chart_bar} rows of the current tenant. */
@Component
class ReportStore {

	private static final String COLUMNS = "id, kind, period_from, period_to, row_limit, status, rows_done, rows_total, "
			+ "totals, csv_bytes, pdf_bytes, failure, failure_code, requested_by, requested_at, started_at, finished_at, expires_at";

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Report report) {
		this.jdbc
			.sql("INSERT INTO " + table("report") + " (" + COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, 0, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, NULL, NULL, ?)")
			.params(report.id(), report.kind().name(), Timestamp.from(report.from()), Timestamp.from(report.to()),
					report.limit(), report.status().name(), report.requestedBy(), Timestamp.from(report.requestedAt()),
					Timestamp.from(report.expiresAt()))
			.update();
	}

	Optional<Report> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + table("report") + " WHERE id = ?")
			.param(id)
			.query(ReportStore::report)
			.optional();
	}

	/** Newest first. */
	List<Report> recent(int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM " + table("report") + " ORDER BY requested_at DESC, id DESC LIMIT ?")
			.param(limit)
			.query(ReportStore::report)
			.list();
	}

	long countActive() {
		return this.jdbc.sql("SELECT count(*) FROM " + table("report") + " WHERE status IN ('QUEUED', 'RUNNING')")
			.query(Long.class)
			.single();
	}

	/**
	 * Starts (or restarts, after a lost job) generation as the report's next attempt.
	 * @return the attempt, or empty when the report is final or its attempts are used up
	 */
	OptionalInt start(UUID id, Instant now, int maxAttempts) {
		return this.jdbc
			.sql("UPDATE " + table("report") + " SET status = 'RUNNING', rows_done = 0, rows_total = NULL, "
					+ "started_at = ?, attempt = attempt + 1 WHERE id = ? AND status IN ('QUEUED', 'RUNNING') "
					+ "AND attempt < ? RETURNING attempt")
			.params(Timestamp.from(now), id, maxAttempts)
			.query(Integer.class)
			.optional()
			.map(OptionalInt::of)
			.orElse(OptionalInt.empty());
	}

	/**
	 * Fails a report still queued or running whose attempts are used up.
	 * @return whether it was
	 */
	boolean abandon(UUID id, String failure, Instant now) {
		return this.jdbc
			.sql("UPDATE " + table("report") + " SET status = 'FAILED', failure = ?, failure_code = ?, "
					+ "finished_at = ? WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")
			.params(failure, ErrorCode.REPORT_GENERATION_ABANDONED.name(), Timestamp.from(now), id)
			.update() == 1;
	}

	/** Progress of {@code attempt}; nothing when another attempt has the report. */
	void progress(UUID id, int attempt, long done, long total) {
		this.jdbc
			.sql("UPDATE " + table("report") + " SET rows_done = ?, rows_total = ? WHERE id = ? AND attempt = ? "
					+ "AND status = 'RUNNING'")
			.params(done, total, id, attempt)
			.update();
	}

	/**
	 * Records {@code attempt}'s files as the report's.
	 * @return false (and nothing recorded) when another attempt has the report or it is
	 * final
	 */
	boolean succeed(UUID id, int attempt, long rows, List<ReportTotal> totals, long csvBytes, long pdfBytes,
			List<ChartBar> bars, Instant now) {
		int updated = this.jdbc.sql("UPDATE " + table("report")
				+ " SET status = 'SUCCEEDED', rows_done = ?, rows_total = ?, totals = ?, "
				+ "csv_bytes = ?, pdf_bytes = ?, finished_at = ? WHERE id = ? AND attempt = ? AND status = 'RUNNING'")
			.params(rows, rows, ReportTotal.store(totals), csvBytes, pdfBytes, Timestamp.from(now), id, attempt)
			.update();
		if (updated == 0) {
			return false;
		}
		String insert = "INSERT INTO " + table("report_chart_bar")
				+ " (report_id, position, label, first_value, second_value) VALUES (?, ?, ?, ?, ?)";
		for (int i = 0; i < bars.size(); i++) {
			ChartBar bar = bars.get(i);
			String label = (bar.label().length() > 200) ? bar.label().substring(0, 200) : bar.label();
			this.jdbc.sql(insert).params(id, i, label, bar.first(), bar.second()).update();
		}
		return true;
	}

	/** Fails the report if {@code attempt} still has it. */
	void fail(UUID id, int attempt, String failure, Instant now) {
		this.jdbc
			.sql("UPDATE " + table("report") + " SET status = 'FAILED', failure = ?, failure_code = ?, finished_at = ? "
					+ "WHERE id = ? AND attempt = ? AND status = 'RUNNING'")
			.params((failure.length() > 1000) ? failure.substring(0, 1000) : failure,
					ErrorCode.REPORT_GENERATION_FAILED.name(), Timestamp.from(now), id, attempt)
			.update();
	}

	List<ChartBar> bars(UUID id) {
		return this.jdbc
			.sql("SELECT label, first_value, second_value FROM " + table("report_chart_bar")
					+ " WHERE report_id = ? ORDER BY position")
			.param(id)
			.query((rs, row) -> new ChartBar(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/** Removes reports past their retention with their files and charts. */
	int deleteExpired(Instant now) {
		return this.jdbc.sql("DELETE FROM " + table("report") + " WHERE expires_at <= ?")
			.param(Timestamp.from(now))
			.update();
	}

	private static Report report(ResultSet rs, int row) throws SQLException {
		String totals = rs.getString("totals");
		return new Report(rs.getObject("id", UUID.class), ReportKind.valueOf(rs.getString("kind")),
				rs.getTimestamp("period_from").toInstant(), rs.getTimestamp("period_to").toInstant(),
				rs.getObject("row_limit", Integer.class), ReportStatus.valueOf(rs.getString("status")),
				rs.getLong("rows_done"), rs.getObject("rows_total", Long.class),
				(totals != null) ? ReportTotal.parse(totals) : List.of(), rs.getObject("csv_bytes", Long.class),
				rs.getObject("pdf_bytes", Long.class), rs.getString("failure"),
				failureCode(rs.getString("failure_code")), rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant(), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")), rs.getTimestamp("expires_at").toInstant());
	}

	private static @Nullable ErrorCode failureCode(@Nullable String code) {
		return (code != null) ? ErrorCode.valueOf(code) : null;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String table(String name) {
		return TenantContext.require().schemaName() + "." + name;
	}

}
