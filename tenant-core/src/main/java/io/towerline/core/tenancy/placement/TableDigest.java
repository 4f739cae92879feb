package io.towerline.core.tenancy.placement;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table's content in a few numbers, to compare a copy with its source (ADR 0174, 0185):
 * the row count and the sums of the two halves of each row's md5 over its text form. The
 * sums do not depend on row order, so no sort, and the server aggregates one row at a
 * time in constant memory, whatever the table's size (the earlier digest built one
 * {@code string_agg} of every row, sorted: a table of a few hundred thousand rows made a
 * string of tens of megabytes). A row changed, missing, added or doubled changes the
 * count or a sum.
 */
public final class TableDigest {

	private TableDigest() {
	}

	/**
	 * The digest of {@code schema.table} on {@code dataSource}; both names come from the
	 * catalog and the tenant changelog, never from a caller.
	 */
	public static String of(DataSource dataSource, String schema, String table) {
		String halves = "SELECT md5(t::text) AS h FROM " + schema + "." + table + " t";
		return JdbcClient.create(dataSource)
			.sql("SELECT count(*) || ':' || coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0)"
					+ " || ':' || coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0) FROM ("
					+ halves + ") r")
			.query(String.class)
			.single();
	}

}
