package io.towerline.core.tenancy.placement;

import java.util.UUID;

import javax.sql.DataSource;

import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest a move compares a copied table by: equal for the same rows in any order
 * (physical order differs between a source and its copy), different for any row changed,
 * missing, added or doubled — including changes that keep the row count, and a pair of
 * changes that cancel in a plain sum of values.
 */
class TableDigestTests {

	private static final String SCHEMA = "digest_" + UUID.randomUUID().toString().replace("-", "");

	private static DataSource dataSource;

	private static JdbcClient jdbc;

	@BeforeAll
	static void schema() {
		TestDatabase.Server server = TestDatabase.server();
		dataSource = new DriverManagerDataSource(server.url(), server.username(), server.password());
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("CREATE SCHEMA " + SCHEMA).update();
		for (String table : new String[] { "a", "b" }) {
			jdbc.sql("CREATE TABLE " + SCHEMA + "." + table + " (id int, name text, amount bigint)").update();
		}
	}

	@AfterAll
	static void drop() {
		jdbc.sql("DROP SCHEMA " + SCHEMA + " CASCADE").update();
	}

	@Test
	void shouldMatchTheSameRowsInAnyOrderAndNothingElse() {
		fill("a", "(1, 'alice', 10), (2, 'bob', 20), (3, null, 30)");
		fill("b", "(3, null, 30), (1, 'alice', 10), (2, 'bob', 20)");
		assertThat(digest("b")).isEqualTo(digest("a"));

		// same count, one value changed
		fill("b", "(3, null, 30), (1, 'alice', 11), (2, 'bob', 20)");
		assertThat(digest("b")).isNotEqualTo(digest("a"));
		// same count and same column sums: two values traded between rows
		fill("b", "(1, 'alice', 20), (2, 'bob', 10), (3, null, 30)");
		assertThat(digest("b")).isNotEqualTo(digest("a"));
		// a null turned into an empty text
		fill("b", "(1, 'alice', 10), (2, 'bob', 20), (3, '', 30)");
		assertThat(digest("b")).isNotEqualTo(digest("a"));
		// a row missing, a row added
		fill("b", "(1, 'alice', 10), (2, 'bob', 20)");
		assertThat(digest("b")).isNotEqualTo(digest("a"));
		fill("b", "(1, 'alice', 10), (2, 'bob', 20), (3, null, 30), (4, 'dan', 40)");
		assertThat(digest("b")).isNotEqualTo(digest("a"));
		// a row doubled in place of another (same count)
		fill("b", "(1, 'alice', 10), (1, 'alice', 10), (3, null, 30)");
		assertThat(digest("b")).isNotEqualTo(digest("a"));
	}

	@Test
	void shouldDigestEmptyTablesAlike() {
		jdbc.sql("CREATE TABLE " + SCHEMA + ".e1 (id int)").update();
		jdbc.sql("CREATE TABLE " + SCHEMA + ".e2 (id int)").update();
		assertThat(TableDigest.of(dataSource, SCHEMA, "e1")).isEqualTo(TableDigest.of(dataSource, SCHEMA, "e2"))
			.startsWith("0:");
	}

	private static void fill(String table, String rows) {
		jdbc.sql("TRUNCATE " + SCHEMA + "." + table).update();
		jdbc.sql("INSERT INTO " + SCHEMA + "." + table + " VALUES " + rows).update();
	}

	private static String digest(String table) {
		return TableDigest.of(dataSource, SCHEMA, table);
	}

}
