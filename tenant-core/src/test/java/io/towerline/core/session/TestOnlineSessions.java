package io.towerline.core.session;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.towerline.core.session.keys.SearchKeyMirrors;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online-sessions service for the tests and the benchmark of the search keys in
 * memory (ADR 0245, 0246): one answering every search in the database, as with
 * {@code towerline.sessions.search-memory=false}, which the memory's answers are compared
 * with, and one on search keys in memory of the test's choosing.
 */
final class TestOnlineSessions {

	private TestOnlineSessions() {
	}

	/** The service on the application's connections searching in the database only. */
	static OnlineSessions inDatabase(JdbcClient jdbc, JdbcTemplate statements) {
		return inMemory(jdbc, statements, new SearchKeyMirrors(false, Duration.ofMinutes(10), 0));
	}

	/** The service on the application's connections searching {@code mirrors}. */
	static OnlineSessions inMemory(JdbcClient jdbc, JdbcTemplate statements, SearchKeyMirrors mirrors) {
		return new OnlineSessions(jdbc, statements,
				new SessionProperties(true, null, null, null, null, null, null, null, null, null), mirrors);
	}

	/**
	 * An insert of one online session into the tenant's table (its search key follows).
	 */
	static String insertSql(TenantId tenant) {
		return "INSERT INTO " + tenant.schemaName() + ".online_session (id, router_id, subscriber_id, item_id, "
				+ "username, address, caller_id, service, ppp_session_id, login_at, seen_at) "
				+ "VALUES (?, ?, ?, '*' || gen_random_uuid(), ?, ?, ?, 'pppoe', '0x1', ?, now())";
	}

	/** Inserts one online session into the tenant's table. */
	static void insert(JdbcClient jdbc, TenantId tenant, UUID id, UUID router, @Nullable UUID subscriber, String name,
			String address, String mac, Instant login) {
		jdbc.sql(insertSql(tenant)).params(id, router, subscriber, name, address, mac, Timestamp.from(login)).update();
	}

	/**
	 * Asserts that {@code searched} finds the pages {@code database} finds through every
	 * cursor, with the same counts; each page in a transaction of its own, in the current
	 * tenant.
	 */
	static void assertSamePages(TransactionTemplate transactions, OnlineSessions searched, OnlineSessions database,
			OnlineSessionFilter filter, OnlineSessionOrder order, int limit) {
		OnlineSessions.Position after = null;
		int pages = 0;
		while (true) {
			OnlineSessions.Position from = after;
			OnlineSessions.Page found = transactions.execute((status) -> searched.page(filter, order, from, limit));
			OnlineSessions.Page stored = transactions.execute((status) -> database.page(filter, order, from, limit));
			assertThat(found).as("%s %s page %d", filter, order, pages).isEqualTo(stored);
			if (found.sessions().size() < limit) {
				return;
			}
			after = OnlineSessions.Position.of(found.sessions().getLast());
			pages++;
		}
	}

}
