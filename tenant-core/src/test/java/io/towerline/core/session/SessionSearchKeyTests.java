package io.towerline.core.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.InvalidInputException;

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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The search-key table a text search reads (ADR 0217) says what the online sessions say
 * through every write the platform makes to them — logins, a login read twice, counter
 * samples, kick marks, a changed address or caller-id, logouts, a deleted router — and is
 * written by none of the frequent ones (a counter sample leaves its rows untouched); a
 * tenant with sessions online when the table arrives gets them filled in. Search text
 * holding a control character is refused, and the session rows carry no trigram index
 * (ADR 0229).
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
	void shouldMatchTextWithinOneValueOnlyWhateverTheValuesHold() {
		// a router may report a user name holding the separator; text without it
		// finds the session, and no match spans the end of one value and the next
		OnlineSession odd = session(this.router, "*1", "odd\u001fname", "10.9.2.1", "02:AA:BB:CC:DD:04");
		OnlineSession plain = session(this.router, "*2", "plain", "10.9.2.2", "02:AA:BB:CC:DD:05");
		write(() -> this.store.insert(List.of(odd, plain)));
		assertInStep(2);
		assertThat(names("odd")).containsExactly("odd\u001fname");
		assertThat(names("name")).containsExactly("odd\u001fname");
		assertThat(names("ain10.9")).isEmpty();
		assertThat(names("name10")).isEmpty();
		assertThat(names("10.9.2.")).containsExactly("odd\u001fname", "plain");
	}

	@Test
	void shouldRefuseSearchTextHoldingAControlCharacter() {
		// every C0 and C1 control character and DEL, the keys' separator among them,
		// wherever it stands and however long the text: refused, never searched
		List<Integer> controls = IntStream.concat(IntStream.rangeClosed(0x00, 0x1F), IntStream.rangeClosed(0x7F, 0x9F))
			.boxed()
			.toList();
		assertThat(controls).hasSize(65).contains(0x1F);
		for (int control : controls) {
			String c = Character.toString(control);
			for (String text : List.of(c, "a" + c, c + "10.9", "10.9" + c + "2", "bob" + c)) {
				assertThatExceptionOfType(InvalidInputException.class).as("U+%04X in '%s'", control, text)
					.isThrownBy(() -> filter(text))
					.satisfies((refused) -> assertThat(refused.errors()).singleElement()
						.satisfies((error) -> assertThat(error.field()).isEqualTo("search"))
						.satisfies((error) -> assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_FAILED)));
			}
		}
		// the characters next to them are plain text
		for (String text : List.of(" bob ", "~", "\u00a0bob", "%_\\", "\u00e9\u00e8")) {
			assertThat(filter(text).text()).isEqualTo(text);
		}
	}

	@Test
	void shouldKeepNoTrigramIndexOnTheSessionRowsOfAFreshOrAMigratedSchema() {
		// fresh: the only trigram index of the session tables is the search keys'
		assertThat(ginIndexes()).containsExactly("online_session_key_search");

		// a schema as it was before changeset 0121, whose session rows carried three
		for (String index : List.of(
				"online_session_username_trgm ON " + schema()
						+ ".online_session USING gin (lower(username) public.gin_trgm_ops)",
				"online_session_address_trgm ON " + schema()
						+ ".online_session USING gin (address public.gin_trgm_ops)",
				"online_session_caller_trgm ON " + schema()
						+ ".online_session USING gin (lower(caller_id) public.gin_trgm_ops)")) {
			this.jdbc.sql("CREATE INDEX " + index).update();
		}
		this.jdbc
			.sql("DELETE FROM " + schema()
					+ ".databasechangelog WHERE id = '0121-online-session-trigram-indexes-dropped'")
			.update();
		assertThat(ginIndexes()).hasSize(4);

		assertThat(this.migrator.migrate(this.tenant)).isEqualTo(1);

		assertThat(ginIndexes()).containsExactly("online_session_key_search");
		OnlineSession frank = session(this.router, "*1", "frank", "10.9.4.1", "02:AA:BB:CC:DD:08");
		write(() -> this.store.insert(List.of(frank)));
		assertThat(names("ran")).containsExactly("frank");
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

	private List<String> ginIndexes() {
		return SessionSearchKeys.ginIndexes(this.jdbc, schema());
	}

	private String schema() {
		return this.tenant.schemaName();
	}

}
