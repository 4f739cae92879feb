package io.towerline.core.session;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.towerline.core.CoreTestApplication;
import io.towerline.core.session.keys.SearchKeyMirrors;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixture of the tests and the benchmark of the search keys in memory (ADR 0245,
 * 0246): tenants with online sessions, the online-sessions service answering every search
 * in the database, as with {@code towerline.sessions.search-memory=false}, which the
 * memory's answers are compared with, and one on search keys in memory of the test's
 * choosing. A component of this module's test contexts only.
 */
@Component
@ConditionalOnBean(CoreTestApplication.class)
final class TestOnlineSessions {

	private final TenantOnboarding onboarding;

	private final JdbcClient jdbc;

	private final JdbcTemplate statements;

	private final TransactionTemplate transactions;

	TestOnlineSessions(TenantOnboarding onboarding, JdbcClient jdbc, JdbcTemplate statements,
			TransactionTemplate transactions) {
		this.onboarding = onboarding;
		this.jdbc = jdbc;
		this.statements = statements;
		this.transactions = transactions;
	}

	/** A new tenant, its slug made unique from {@code prefix}. */
	TenantId tenant(String prefix, RateLimitTier tier) {
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug(prefix));
		this.onboarding.onboard(tenant.slug(), "Tenant " + tenant.slug(), tier);
		return tenant;
	}

	/** The service on the application's connections searching in the database only. */
	OnlineSessions inDatabase() {
		return inMemory(new SearchKeyMirrors(false, Duration.ofMinutes(10), 0));
	}

	/** The service on the application's connections searching {@code mirrors}. */
	OnlineSessions inMemory(SearchKeyMirrors mirrors) {
		return new OnlineSessions(this.jdbc, this.statements,
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
	void insert(TenantId tenant, UUID id, UUID router, @Nullable UUID subscriber, String name, String address,
			String mac, Instant login) {
		this.jdbc.sql(insertSql(tenant))
			.params(id, router, subscriber, name, address, mac, Timestamp.from(login))
			.update();
	}

	/**
	 * Asserts that {@code searched} finds the pages {@code database} finds through every
	 * cursor, with the same counts; each page in a transaction of its own, in the current
	 * tenant.
	 */
	void assertSamePages(OnlineSessions searched, OnlineSessions database, OnlineSessionFilter filter,
			OnlineSessionOrder order, int limit) {
		OnlineSessions.Position after = null;
		int pages = 0;
		while (true) {
			OnlineSessions.Position from = after;
			OnlineSessions.Page found = this.transactions
				.execute((status) -> searched.page(filter, order, from, limit));
			OnlineSessions.Page stored = this.transactions
				.execute((status) -> database.page(filter, order, from, limit));
			assertThat(found).as("%s %s page %d", filter, order, pages).isEqualTo(stored);
			if (found.sessions().size() < limit) {
				return;
			}
			after = OnlineSessions.Position.of(found.sessions().getLast());
			pages++;
		}
	}

}
