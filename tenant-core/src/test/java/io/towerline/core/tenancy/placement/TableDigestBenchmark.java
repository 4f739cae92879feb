package io.towerline.core.tenancy.placement;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The move's per-table digest on a large table: the earlier {@code string_agg} of every
 * row in order against {@link TableDigest}'s sums of per-row hashes. Prints, for each,
 * the time, the bytes the server aggregated into one value, and the plan's sort and
 * temporary-file lines (counts that do not depend on the machine's load). Run with
 * {@code ./mvnw -o -Pbenchmark -pl tenant-core -am verify -Dtest=TableDigestBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dtowerline.bench.rows=300000]}.
 */
class TableDigestBenchmark {

	private static final String OLD = "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)),"
			+ " '') FROM %s t";

	@Test
	void measure() {
		int rows = Integer.getInteger("towerline.bench.rows", 300_000);
		String schema = "digest_bench_" + UUID.randomUUID().toString().replace("-", "");
		TestDatabase.Server server = TestDatabase.server();
		DataSource dataSource = new DriverManagerDataSource(server.url(), server.username(), server.password());
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("CREATE SCHEMA " + schema).update();
		try {
			String table = schema + ".subscriber_like";
			jdbc.sql("CREATE TABLE " + table + " (id uuid, username text, full_name text, plan_id uuid, "
					+ "created_at timestamptz, status text, notes text)")
				.update();
			jdbc.sql("INSERT INTO " + table + " SELECT gen_random_uuid(), 'user' || g, 'Subscriber number ' || g, "
					+ "gen_random_uuid(), now() - g * interval '1 minute', 'ACTIVE', repeat('n', g % 50) "
					+ "FROM generate_series(1, ?) g")
				.param(rows)
				.update();
			jdbc.sql("ANALYZE " + table).update();
			long aggregated = jdbc.sql("SELECT sum(length(t::text) + 1) FROM " + table + " t")
				.query(Long.class)
				.single();
			for (int round = 0; round < 2; round++) {
				long started = System.nanoTime();
				String old = jdbc.sql(OLD.formatted(table)).query(String.class).single();
				long oldMs = (System.nanoTime() - started) / 1_000_000;
				started = System.nanoTime();
				String digest = TableDigest.of(dataSource, schema, "subscriber_like");
				long newMs = (System.nanoTime() - started) / 1_000_000;
				System.out.printf(
						"%,d rows: string_agg digest %d ms (one value of %,d bytes, sorted); "
								+ "per-row hash sums %d ms (constant memory, no sort) [%s | %s]%n",
						rows, oldMs, aggregated, newMs, old.substring(0, old.indexOf(':')),
						digest.substring(0, digest.indexOf(':')));
			}
			System.out.println("string_agg plan: " + planLines(jdbc, OLD.formatted(table)));
			System.out.println("per-row hash sums plan: " + planLines(jdbc,
					"SELECT count(*), sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric) FROM (SELECT md5(t::text)"
							+ " AS h FROM " + table + " t) r"));
		}
		finally {
			jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
		}
	}

	/** The plan's node, sort and temporary-buffer lines. */
	private static List<String> planLines(JdbcClient jdbc, String sql) {
		return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + sql)
			.query(String.class)
			.list()
			.stream()
			.filter((line) -> line.contains("Sort") || line.contains("temp") || line.contains("Aggregate"))
			.map(String::strip)
			.toList();
	}

}
