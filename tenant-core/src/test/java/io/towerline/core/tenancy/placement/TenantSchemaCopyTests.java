package io.towerline.core.tenancy.placement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.ExternalPostgres;
import io.towerline.core.testsupport.SessionSearchKeys;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's schema copied between two PostgreSQL servers (the shared test server and an
 * external one) arrives whole: every table holds the same rows (compared by a digest of
 * all rows), run-time partitions included, and the copy is owned by the tenant's role.
 */
@SpringBootTest
class TenantSchemaCopyTests extends DatabaseTest {

	private static ExternalPostgres other;

	private static HikariDataSource otherPool;

	@Autowired
	TenantSchemaCopy copy;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@BeforeAll
	static void startOtherCluster() {
		other = ExternalPostgres.start();
		otherPool = new HikariDataSource();
		otherPool.setJdbcUrl(other.server().url());
		otherPool.setUsername(other.server().username());
		otherPool.setPassword(other.server().password());
		otherPool.setMaximumPoolSize(4);
	}

	@AfterAll
	static void stopOtherCluster() {
		otherPool.close();
		other.close();
	}

	@Test
	void shouldCopyEveryRowOfATenantsSchemaToAnotherServer() {
		String slug = TestDatabase.uniqueSlug("move");
		this.onboarding.onboard(slug, slug, RateLimitTier.STARTER);
		TenantId tenant = TenantId.of(slug);
		String schema = tenant.schemaName();
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < 50; i++) {
			this.jdbc.sql("INSERT INTO " + schema + ".router_operation (id, kind, router_id, status, attempts, "
					+ "progress_done, progress_total, progress_failed, requested_by, created_at, updated_at, version, "
					+ "lock_key, last_error) VALUES (?, 'SYNC_SUBSCRIBER', ?, 'SUCCEEDED', 1, 1, 1, 0, 'test', ?, ?, 0, ?, ?)")
				.params(UUID.randomUUID(), UUID.randomUUID(), now, now, "k" + i, "line one\nline 'two'\t\\ " + i)
				.update();
		}
		// online sessions and their search keys (ADR 0217), which triggers keep in step
		this.jdbc
			.sql("INSERT INTO " + schema + ".online_session (id, router_id, item_id, username, address, "
					+ "caller_id, service, ppp_session_id, login_at, seen_at) SELECT gen_random_uuid(), ?, '*' || n, "
					+ "'copy' || n, '10.2.0.' || n, '02:00:00:00:00:' || lpad(to_hex(n), 2, '0'), 'pppoe', '0x' || n, "
					+ "now(), now() FROM generate_series(1, 30) n")
			.param(UUID.randomUUID())
			.update();
		// a run-time partition (sessions are partitioned by logout month, made ahead by a
		// task)
		this.jdbc
			.sql("CREATE TABLE IF NOT EXISTS " + schema + ".session_history_copytest PARTITION OF " + schema
					+ ".session_history FOR VALUES FROM ('2001-01-01') TO ('2001-02-01')")
			.update();

		Map<String, Long> copied = this.copy.copy(tenant, this.dataSource, otherPool);

		JdbcClient target = JdbcClient.create(otherPool);
		assertThat(copied).containsEntry("router_operation", 50L);
		List<String> tables = this.jdbc.sql("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
				+ "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
				+ "AND c.relname NOT LIKE 'databasechangelog%'")
			.param(schema)
			.query(String.class)
			.list();
		assertThat(copied.keySet()).containsExactlyInAnyOrderElementsOf(tables);
		for (String table : tables) {
			String digest = "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
					+ schema + "." + table + " t";
			assertThat(target.sql(digest).query(String.class).single()).as(table)
				.isEqualTo(this.jdbc.sql(digest).query(String.class).single());
		}
		assertThat(target.sql("SELECT to_regclass(?) IS NOT NULL")
			.param(schema + ".session_history_copytest")
			.query(Boolean.class)
			.single()).as("run-time partition made on the target").isTrue();
		assertThat(target.sql("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?")
			.param(schema)
			.query(String.class)
			.single()).startsWith("tl_");

		// copying again (a retried move) replaces rather than doubles
		this.copy.copy(tenant, this.dataSource, otherPool);
		assertThat(target.sql("SELECT count(*) FROM " + schema + ".router_operation").query(Long.class).single())
			.isEqualTo(50L);
		assertThat(SessionSearchKeys.count(target, schema)).isEqualTo(30L);
		assertThat(SessionSearchKeys.outOfStep(target, schema)).isZero();
		// the copy's schema is made by the tenant changelog: its session rows carry no
		// trigram index either (ADR 0229)
		assertThat(SessionSearchKeys.ginIndexes(target, schema)).containsExactly("online_session_key_search")
			.isEqualTo(SessionSearchKeys.ginIndexes(this.jdbc, schema));
	}

}
