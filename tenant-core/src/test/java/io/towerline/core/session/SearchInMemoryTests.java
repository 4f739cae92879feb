package io.towerline.core.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import io.towerline.core.session.keys.SearchKeyMirrors;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantSchemaMigrator;
import io.towerline.core.testsupport.DatabaseTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches answered from the search keys in memory (ADR 0245) are the database's answers:
 * the same pages in every order across cursors and the same counts, for names whose order
 * differs by UTF-16 unit and by code point, LIKE's special characters, equal login times
 * and ids on both sides of the sign bit; and every committed login, logout and key change
 * is seen by the next search whatever order the transactions end in, also when the table
 * is made again.
 */
@SpringBootTest
class SearchInMemoryTests extends DatabaseTest {

	private static final String[] PIECES = { "sub", "Ana", "ana", "ß", "É", "é", "😀", "\ufffd", "\ue000", "%", "_",
			"\\", ".", "0", "1", "2", "12", "x" };

	@Autowired
	OnlineSessions online;

	@Autowired
	SearchKeyMirrors mirrors;

	@Autowired
	TestOnlineSessions sessions;

	@Autowired
	TenantSchemaMigrator migrator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	TenantId tenant;

	/** The same service searching in the database only. */
	OnlineSessions database;

	@BeforeEach
	void tenant() {
		this.tenant = this.sessions.tenant("memory", RateLimitTier.STARTER);
		this.database = this.sessions.inDatabase();
	}

	@Test
	void shouldAnswerEverySearchAsTheDatabaseDoes() {
		Random random = new Random(17);
		List<UUID> routers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		List<UUID> subscribers = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 1_500; i++) {
			String name = name(random);
			names.add(name);
			UUID subscriber = (random.nextInt(4) == 0) ? null : UUID.randomUUID();
			if (subscriber != null && subscribers.size() < 20) {
				subscribers.add(subscriber);
			}
			// ids on both sides of the sign bit; a few login times shared by many
			UUID id = new UUID(random.nextLong(), random.nextLong());
			Instant login = Instant.parse("2026-11-01T00:00:00Z")
				.plusSeconds(random.nextInt(40))
				.plusNanos(random.nextInt(3) * 1_000);
			insert(id, routers.get(random.nextInt(routers.size())), subscriber, name,
					"10.7." + random.nextInt(4) + "." + random.nextInt(250),
					String.format("02:AB:%02X:%02X:00:0E", random.nextInt(256), i % 256), login);
		}
		List<String> texts = new ArrayList<>(List.of("sub", "SUB", "ana", "ß", "😀", "\ufffd", "%", "_", "\\",
				"10.7.1.", "02:ab:1", "ab:", "0e", "no such", "___", "%_\\", ".12", "a12"));
		for (int i = 0; i < 20; i++) {
			String name = names.get(random.nextInt(names.size())).toLowerCase(Locale.ROOT);
			int from = random.nextInt(Math.max(1, name.length() - 3));
			texts.add(name.substring(from, Math.min(name.length(), from + 3 + random.nextInt(4))));
		}
		TenantContext.runAs(this.tenant, () -> {
			for (String text : texts) {
				for (OnlineSessionOrder order : OnlineSessionOrder.values()) {
					same(new OnlineSessionFilter(null, null, null, null, text), order, 1 + random.nextInt(90));
				}
				same(new OnlineSessionFilter(routers.get(random.nextInt(3)), null, null, null, text),
						OnlineSessionOrder.USERNAME, 7);
				same(new OnlineSessionFilter(null, null, null, subscribers.get(random.nextInt(subscribers.size())),
						text), OnlineSessionOrder.LOGIN_NEWEST, 5);
			}
		});
	}

	@Test
	void shouldSeeEveryCommittedChangeWhicheverTransactionEndsFirst() throws Exception {
		UUID router = UUID.randomUUID();
		UUID early = UUID.randomUUID();
		UUID leaving = UUID.randomUUID();
		UUID renamed = UUID.randomUUID();
		insert(leaving, router, null, "leaving-one", "10.9.0.1", "02:00:00:00:00:01", Instant.now());
		insert(renamed, router, null, "old-name", "10.9.0.2", "02:00:00:00:00:02", Instant.now());
		assertThat(found("zz-")).isEmpty();
		try (Connection slow = this.dataSource.getConnection()) {
			slow.setAutoCommit(false);
			// a login and a logout in a transaction that began first and ends last
			try (PreparedStatement login = slow.prepareStatement(insertSql())) {
				bind(login, early, router, "zz-early", "10.9.0.3", "02:00:00:00:00:03", Instant.now());
				login.executeUpdate();
			}
			try (PreparedStatement logout = slow
				.prepareStatement("DELETE FROM " + this.tenant.schemaName() + ".online_session WHERE id = ?")) {
				logout.setObject(1, leaving);
				logout.executeUpdate();
			}
			assertThat(found("zz-")).isEmpty();
			assertThat(found("leaving")).containsExactly(leaving);
			// one that began later and commits first
			UUID late = UUID.randomUUID();
			insert(late, router, null, "zz-late", "10.9.0.4", "02:00:00:00:00:04", Instant.now());
			this.jdbc
				.sql("UPDATE " + this.tenant.schemaName() + ".online_session SET username = 'zz-renamed' "
						+ "WHERE id = ?")
				.param(renamed)
				.update();
			assertThat(found("zz-")).containsExactlyInAnyOrder(late, renamed);
			assertThat(found("old-name")).isEmpty();
			slow.commit();
			assertThat(found("zz-")).containsExactlyInAnyOrder(early, late, renamed);
			assertThat(found("leaving")).isEmpty();
		}
		// a session whose id changes is found by its new id only
		UUID moved = UUID.randomUUID();
		this.jdbc.sql("UPDATE " + this.tenant.schemaName() + ".online_session SET id = ? WHERE id = ?")
			.params(moved, early)
			.update();
		assertThat(found("zz-early")).containsExactly(moved);
		assertThat(this.mirrors.sizes()).containsEntry(this.tenant.schemaName(), 3);
	}

	@Test
	void shouldReadTheKeysWholeWhenTheTableIsMadeAgain() {
		UUID router = UUID.randomUUID();
		UUID before = UUID.randomUUID();
		insert(before, router, null, "again-before", "10.9.2.1", "02:00:00:00:02:01", Instant.now());
		assertThat(found("again-")).containsExactly(before);
		// the schema dropped and made again within the five minutes a copy is brought up
		// to date by changes only (a tenant moved away and back, or made again): the new
		// table's rows were all written after the copy's last read, but nothing marks
		// the old table's rows as gone
		this.jdbc.sql("DROP SCHEMA " + this.tenant.schemaName() + " CASCADE").update();
		this.migrator.migrate(this.tenant);
		UUID after = UUID.randomUUID();
		insert(after, router, null, "again-after", "10.9.2.2", "02:00:00:00:02:02", Instant.now());
		OnlineSessionFilter again = new OnlineSessionFilter(null, null, null, null, "again-");
		TenantContext.runAs(this.tenant, () -> {
			for (OnlineSessionOrder order : OnlineSessionOrder.values()) {
				same(again, order, 10);
			}
		});
		assertThat(found("again-")).containsExactly(after);
		assertThat(this.mirrors.sizes()).containsEntry(this.tenant.schemaName(), 1);
	}

	@Test
	void shouldForgetRemovalMarkersAfterTenMinutes() {
		String schema = this.tenant.schemaName();
		UUID old = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO " + schema + ".online_session_key_gone (id, gone_at) VALUES (?, now() - "
					+ "interval '11 minutes')")
			.param(old)
			.update();
		UUID leaving = UUID.randomUUID();
		insert(leaving, UUID.randomUUID(), null, "leaving", "10.9.1.1", "02:00:00:00:01:01", Instant.now());
		this.jdbc.sql("DELETE FROM " + schema + ".online_session WHERE id = ?").param(leaving).update();
		assertThat(this.jdbc.sql("SELECT id FROM " + schema + ".online_session_key_gone").query(UUID.class).list())
			.containsExactly(leaving);
	}

	/** The memory's and the database's pages through every cursor, and their counts. */
	private void same(OnlineSessionFilter filter, OnlineSessionOrder order, int limit) {
		this.sessions.assertSamePages(this.online, this.database, filter, order, limit);
	}

	private List<UUID> found(String text) {
		return TenantContext.callAs(this.tenant,
				() -> this.online
					.page(new OnlineSessionFilter(null, null, null, null, text), OnlineSessionOrder.USERNAME, null, 50)
					.sessions()
					.stream()
					.map(OnlineSession::id)
					.toList());
	}

	private static String name(Random random) {
		StringBuilder name = new StringBuilder();
		int length = 1 + random.nextInt(5);
		for (int i = 0; i < length; i++) {
			name.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return name.toString();
	}

	private String insertSql() {
		return TestOnlineSessions.insertSql(this.tenant);
	}

	private void insert(UUID id, UUID router, @Nullable UUID subscriber, String name, String address, String mac,
			Instant login) {
		this.sessions.insert(this.tenant, id, router, subscriber, name, address, mac, login);
	}

	private static void bind(PreparedStatement statement, UUID id, UUID router, String name, String address, String mac,
			Instant login) throws SQLException {
		statement.setObject(1, id);
		statement.setObject(2, router);
		statement.setObject(3, null);
		statement.setString(4, name);
		statement.setString(5, address);
		statement.setString(6, mac);
		statement.setTimestamp(7, Timestamp.from(login));
	}

}
