package io.towerline.core.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.tenancy.catalog.TenantSchemaMigrator;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.SessionSearchKeys;
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
 * The search-key table a text search reads (ADR 0217) says what the online sessions say
 * through every write the platform makes to them — logins, a login read twice, counter
 * samples, kick marks, a changed address or caller-id, logouts, a deleted router — and is
 * written by none of the frequent ones (a counter sample leaves its rows untouched); a
 * tenant with sessions online when the table arrives gets them filled in.
 */
@SpringBootTest
class SessionSearchKeyTests extends DatabaseTest {

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

	@Autowired
	TenantSchemaMigrator migrator;

	TenantId tenant;

	UUID router;

	UUID otherRouter;

	@BeforeEach
	void tenant() {
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("keys"));
		this.onboarding.onboard(this.tenant.slug(), "Search keys", RateLimitTier.STARTER);
		this.router = UUID.randomUUID();
		this.otherRouter = UUID.randomUUID();
	}

	@Test
	void shouldKeepTheSearchKeysInStepFromLoginToLogout() {
		OnlineSession alice = session(this.router, "*1", "Alice-Home", "10.9.0.5", "02:AA:BB:CC:DD:01");
		OnlineSession bob = session(this.router, "*2", "bob", "10.9.0.6", "02:AA:BB:CC:DD:02");
		OnlineSession carol = session(this.otherRouter, "*1", "carol", "10.9.1.7", "02:AA:BB:CC:DD:03");
		write(() -> this.store.insert(List.of(alice, bob, carol)));
		assertInStep(3);
		assertThat(this.jdbc.sql("SELECT search FROM " + schema() + ".online_session_key WHERE id = ?")
			.param(alice.id())
			.query(String.class)
			.single()).isEqualTo("alice-home\u001f10.9.0.5\u001f02:aa:bb:cc:dd:01");
		assertThat(names("lice-ho")).containsExactly("Alice-Home");
		assertThat(names("bb:cc:dd:0")).containsExactlyInAnyOrder("Alice-Home", "bob", "carol");

		// a router read again sends the same login: nothing added, nothing doubled
		write(() -> this.store.insert(List.of(alice, session(this.router, "*2", "bob", "10.9.0.99", "02:00"))));
		assertInStep(3);

		// a counter sample and a kick's marks write no key
		List<Long> written = keyVersions();
		Instant at = Instant.now();
		write(() -> this.store.updateCounters(List.of(alice.withCounters(new Counters(1, 2, 3, 4), at),
				bob.withCounters(new Counters(5, 6, 7, 8), at)), at));
		write(() -> this.store.markEnding(bob.id(), SessionEndReason.KICKED));
		write(() -> this.store.markFinalReading(this.router, "bob",
				new SessionStore.FinalReading(new Counters(9, 9, 9, 9), "*7", at)));
		assertThat(keyVersions()).as("transactions that wrote each key").isEqualTo(written);
		assertInStep(3);

		// an address or caller-id that changes on the session row changes its key
		write(() -> this.jdbc
			.sql("UPDATE " + schema() + ".online_session SET address = '172.16.4.4', caller_id = 'AC:DE:48:00:11:22' "
					+ "WHERE id = ?")
			.param(bob.id())
			.update());
		assertInStep(3);
		assertThat(names("172.16.4")).containsExactly("bob");
		assertThat(names("ac:de:48")).containsExactly("bob");
		assertThat(names("10.9.0.6")).isEmpty();

		// logout, then the other router deleted
		write(() -> this.store.remove(List.of(alice.id())));
		assertInStep(2);
		assertThat(names("alice")).isEmpty();
		write(() -> this.store.removeRouter(this.otherRouter));
		assertInStep(1);
		assertThat(names("bb:cc:dd:0")).isEmpty();
		assertThat(names("bob")).containsExactly("bob");
	}

	@Test
	void shouldMatchTextWithinOneValueOnlyEvenWhenItHoldsTheSeparator() {
		OnlineSession odd = session(this.router, "*1", "odd\u001fname", "10.9.2.1", "02:AA:BB:CC:DD:04");
		OnlineSession plain = session(this.router, "*2", "plain", "10.9.2.2", "02:AA:BB:CC:DD:05");
		write(() -> this.store.insert(List.of(odd, plain)));
		assertInStep(2);
		// the separator itself, typed: found where a value holds it, as before
		assertThat(names("d\u001fna")).containsExactly("odd\u001fname");
		// the end of one value and the start of the next are no match
		assertThat(names("plain\u001f10")).isEmpty();
		assertThat(names("ain10.9")).isEmpty();
		TenantContext.runAs(this.tenant, () -> {
			assertThat(this.online.countUpTo(filter("plain\u001f10")).count()).isZero();
			assertThat(this.online.count(filter("d\u001fna"))).isEqualTo(1);
			assertThat(this.online.count(filter("10.9.2."))).isEqualTo(2);
		});
	}

	@Test
	void shouldFillTheSearchKeysOfATenantOnlineBeforeTheTableExisted() {
		OnlineSession dana = session(this.router, "*1", "Dana", "10.9.3.1", "02:AA:BB:CC:DD:06");
		OnlineSession eve = session(this.otherRouter, "*1", "eve", "10.9.3.2", "02:AA:BB:CC:DD:07");
		write(() -> this.store.insert(List.of(dana, eve)));
		// the schema as a tenant had it before changeset 0118, sessions online
		this.jdbc.sql("DROP TABLE " + schema() + ".online_session_key").update();
		this.jdbc
			.sql("DROP FUNCTION " + schema() + ".online_session_key_added, " + schema()
					+ ".online_session_key_changed, " + schema() + ".online_session_key_removed CASCADE")
			.update();
		this.jdbc.sql("DELETE FROM " + schema() + ".databasechangelog WHERE id = '0118-online-session-search-keys'")
			.update();

		assertThat(this.migrator.migrate(this.tenant)).isEqualTo(1);

		assertInStep(2);
		assertThat(names("10.9.3.")).containsExactly("Dana", "eve");
		// and kept in step from there on, by the tenant's role
		write(() -> this.store.remove(List.of(dana.id())));
		assertInStep(1);
	}

	private OnlineSession session(UUID routerId, String item, String name, String address, String mac) {
		Instant now = Instant.now();
		return new OnlineSession(UUID.randomUUID(), routerId, item, name, null, address, mac, "pppoe", "0x1",
				now.minusSeconds(60), now, Counters.ZERO, null);
	}

	private void write(Runnable work) {
		TenantContext.runAs(this.tenant, () -> this.transactions.executeWithoutResult((tx) -> work.run()));
	}

	private List<String> names(String text) {
		return TenantContext.callAs(this.tenant,
				() -> this.online.list(filter(text), OnlineSessionOrder.USERNAME, null, 100)
					.stream()
					.map(OnlineSession::username)
					.toList());
	}

	private static OnlineSessionFilter filter(String text) {
		return new OnlineSessionFilter(null, null, null, null, text);
	}

	private void assertInStep(long sessions) {
		assertThat(SessionSearchKeys.outOfStep(this.jdbc, schema())).as("keys out of step").isZero();
		assertThat(SessionSearchKeys.count(this.jdbc, schema())).isEqualTo(sessions);
	}

	/** The transaction that wrote each key row, in id order. */
	private List<Long> keyVersions() {
		return this.jdbc.sql("SELECT xmin::text::bigint FROM " + schema() + ".online_session_key ORDER BY id")
			.query(Long.class)
			.list();
	}

	private String schema() {
		return this.tenant.schemaName();
	}

}
