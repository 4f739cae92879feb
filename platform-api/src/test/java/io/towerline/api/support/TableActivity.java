package io.towerline.api.support;

import java.util.function.Supplier;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a piece of work did to the tables, counted by PostgreSQL for this transaction only
 * ({@code pg_stat_xact_all_tables}): the work runs inside one outer transaction (its own
 * transactions join it) on one connection, so the figures hold nothing of what other
 * threads, scheduled tasks or late statistics flushes of earlier work did, and do not
 * depend on the machine's load.
 *
 * @param scans sequential and index scans of the tenant's tables
 * @param rowsRead rows read from the tenant's tables (sequential reads and index fetches)
 * @param rowsWritten rows inserted, updated or deleted in any schema
 */
public record TableActivity(long scans, long rowsRead, long rowsWritten) {

	/**
	 * Runs {@code work} as {@code tenant} in one transaction, counting what it did.
	 */
	public static <T> Measured<T> measure(TransactionTemplate transactions, JdbcClient jdbc, TenantId tenant,
			Supplier<T> work) {
		return TenantContext.callAs(tenant, () -> transactions.execute((tx) -> {
			// the view also holds what this connection's earlier transactions did that is
			// not flushed yet (at most once a second): only the difference is this work's
			TableActivity before = read(jdbc, tenant);
			T result = work.get();
			return new Measured<>(result, read(jdbc, tenant).minus(before));
		}));
	}

	private static TableActivity read(JdbcClient jdbc, TenantId tenant) {
		return jdbc
			.sql("SELECT coalesce(sum(CASE WHEN schemaname = :schema THEN seq_scan + coalesce(idx_scan, 0) END), 0)"
					+ " AS scans, coalesce(sum(CASE WHEN schemaname = :schema THEN seq_tup_read"
					+ " + coalesce(idx_tup_fetch, 0) END), 0) AS rows_read,"
					+ " coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) AS rows_written"
					+ " FROM pg_stat_xact_all_tables")
			.param("schema", tenant.schemaName())
			.query((row, n) -> new TableActivity(row.getLong("scans"), row.getLong("rows_read"),
					row.getLong("rows_written")))
			.single();
	}

	private TableActivity minus(TableActivity other) {
		return new TableActivity(this.scans - other.scans, this.rowsRead - other.rowsRead,
				this.rowsWritten - other.rowsWritten);
	}

	/**
	 * A result and what producing it did.
	 *
	 * @param result what the work returned
	 * @param activity what it did to the tables
	 */
	public record Measured<T>(T result, TableActivity activity) {

	}

}
