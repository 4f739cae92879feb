package io.towerline.core.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.core.usage.Counters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a counter sample costs the searches beside it (ADR 0208): a sample rewrites every
 * online session of its router once a minute. Each row version it writes must stay on its
 * page without index entries (a HOT update), or the table bloats, its nine indexes (three
 * trigram pending lists) grow by a row per session a minute, autovacuum never leaves it
 * and searches read the bloat. And a search never starts parallel workers, whatever the
 * planner's costs.
 */
@SpringBootTest
class CounterSampleStorageTests extends DatabaseTest {

	/** A router's sessions, as one tracker inserts and samples them together. */
	private static final int SESSIONS = 400;

	@Autowired
	SessionStore store;

	@Autowired
	OnlineSessions online;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	TenantId tenant;

	List<OnlineSession> sessions;

	@BeforeEach
	void routerOnline() {
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("samples"));
		this.onboarding.onboard(this.tenant.slug(), "Samples", RateLimitTier.STARTER);
		UUID router = UUID.randomUUID();
		Instant now = Instant.now();
		this.sessions = new ArrayList<>();
		for (int i = 0; i < SESSIONS; i++) {
			// as wide as RouterOS makes them: a long user name, an IPv4 address, a MAC
			String name = String.format(Locale.ROOT, "subscriber-%05d@some-isp.example", i);
			this.sessions.add(new OnlineSession(UUID.randomUUID(), router, "*" + Integer.toHexString(0x80000 + i), name,
					null, "100.64." + (i / 250) + "." + (2 + i % 250),
					String.format(Locale.ROOT, "02:00:00:00:%02X:%02X", i / 256, i % 256), "pppoe",
					"0x81" + Integer.toHexString(0x100000 + i), now.minusSeconds(3600), now, Counters.ZERO, null));
		}
		TenantContext.runAs(this.tenant,
				() -> this.transactions.executeWithoutResult((tx) -> this.store.insert(this.sessions)));
	}

	@Test
	void shouldWriteAWholeSampleOfARouterInPlaceWithoutIndexEntries() {
		Instant at = Instant.now();
		List<OnlineSession> sampled = this.sessions.stream()
			.map((session) -> session.withCounters(
					new Counters(Long.MAX_VALUE / 3, Long.MAX_VALUE / 5, Long.MAX_VALUE / 7, Long.MAX_VALUE / 11), at))
			.toList();
		long[] updated = TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> {
			this.store.updateCounters(sampled, at);
			// this transaction's own counts: exact, not waiting for the statistics
			return this.jdbc
				.sql("SELECT pg_stat_get_xact_tuples_updated(c.oid), pg_stat_get_xact_tuples_hot_updated(c.oid), "
						+ "pg_stat_get_xact_tuples_updated(k.oid) + pg_stat_get_xact_tuples_deleted(k.oid) "
						+ "FROM pg_class c, pg_class k "
						+ "WHERE c.oid = to_regclass(current_schema() || '.online_session') "
						+ "AND k.oid = to_regclass(current_schema() || '.online_session_key')")
				.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
				.single();
		}));
		assertThat(updated[0]).as("rows the sample updated").isEqualTo(SESSIONS);
		assertThat(updated[1]).as("of them in place (HOT), without index entries").isEqualTo(SESSIONS);
		// the search keys (ADR 0217) are written at login and logout only: their pages
		// stay all-visible and their trigram index's pending list still
		assertThat(updated[2]).as("search-key rows the sample wrote").isZero();
	}

	@Test
	void shouldIndexNoColumnACounterSampleWrites() {
		// a HOT update needs every index to leave the written columns out: one index
		// on any of them and every sample writes an entry in all nine again
		List<String> indexed = TenantContext.callAs(this.tenant,
				() -> this.transactions.execute(
						(tx) -> this.jdbc
							.sql("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = "
									+ "to_regclass(current_schema() || '.online_session')")
							.query(String.class)
							.list()));
		assertThat(indexed).hasSizeGreaterThan(5);
		for (String column : List.of("rx_bytes", "tx_bytes", "rx_packets", "tx_packets", "counters_at", "seen_at")) {
			assertThat(indexed).noneMatch((definition) -> definition.contains(column));
		}
	}

	@Test
	void shouldPlanNoParallelWorkersForASearchEvenWhereTheyWouldBeCheap() {
		List<String> plans = TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> {
			// costs that make the planner want workers for any table, however small
			this.jdbc
				.sql("SELECT set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true), "
						+ "set_config('min_parallel_table_scan_size', '0', true), "
						+ "set_config('min_parallel_index_scan_size', '0', true), "
						+ "set_config('max_parallel_workers_per_gather', '2', true), "
						+ "set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)")
				.query((rs, row) -> 1)
				.list();
			List<String> lines = new ArrayList<>();
			for (String text : List.of("subscriber-0001", "100.64.1.", "02:00", "su", "nobody")) {
				for (OnlineSessionOrder order : OnlineSessionOrder.values()) {
					lines
						.addAll(this.online.explain(new OnlineSessionFilter(null, null, null, null, text), order, 101));
				}
			}
			return lines;
		}));
		assertThat(plans).anyMatch((line) -> line.contains("Seq Scan on online_session"));
		assertThat(plans).noneMatch((line) -> line.contains("Gather") || line.contains("Parallel"));
	}

	@Test
	void shouldKeepTheTrigramIndexesPendingListsShortAsSessionsArrive() {
		// every search reads the whole pending list of each trigram index it uses: what
		// logins add there must be merged into the index before it grows long
		UUID router = UUID.randomUUID();
		Instant now = Instant.now();
		for (int batch = 0; batch < 10; batch++) {
			List<OnlineSession> logins = new ArrayList<>();
			for (int i = 0; i < 400; i++) {
				int n = batch * 400 + i;
				logins.add(new OnlineSession(UUID.randomUUID(), router, "*" + Integer.toHexString(n),
						String.format(Locale.ROOT, "login-%06d-%08x", n, n * 2654435761L), null,
						"100.65." + (n / 250) + "." + (2 + n % 250),
						String.format(Locale.ROOT, "02:01:%02X:%02X:%02X:%02X", n >> 24 & 255, n >> 16 & 255,
								n >> 8 & 255, n & 255),
						"pppoe", "0x82" + Integer.toHexString(n), now, now, Counters.ZERO, null));
			}
			TenantContext.runAs(this.tenant,
					() -> this.transactions.executeWithoutResult((tx) -> this.store.insert(logins)));
		}
		// read as the database's owner: the tenant's role may not inspect index pages
		this.jdbc.sql("CREATE EXTENSION IF NOT EXISTS pgstattuple SCHEMA public").update();
		// every trigram index of the session tables: since ADR 0229 the search keys' one
		List<Long> pending = this.jdbc
			.sql("SELECT (public.pgstatginindex(x.indexrelid)).pending_pages FROM pg_index x JOIN pg_class c "
					+ "ON c.oid = x.indexrelid JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'gin' "
					+ "AND x.indrelid IN (?::regclass, ?::regclass)")
			.params(this.tenant.schemaName() + ".online_session", this.tenant.schemaName() + ".online_session_key")
			.query(Long.class)
			.list();
		// 4,400 sessions with distinct names, addresses and MACs; 256 kB is 32 pages
		assertThat(pending).hasSize(1).allMatch((pages) -> pages <= 33);
	}

}
