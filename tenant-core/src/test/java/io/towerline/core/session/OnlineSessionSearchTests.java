package io.towerline.core.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches over more sessions than a count goes to (ADR 0170): a count past the cap says
 * "at least", one under it is exact and comes with the page; pages in every order are the
 * matches in that order, without gaps or repeats across cursors, whether they were
 * collected or walked.
 */
@SpringBootTest
class OnlineSessionSearchTests extends DatabaseTest {

	/** Sessions named {@code sub00001}… on one router: more than the count's cap. */
	private static final int MANY = OnlineSessions.COUNT_CAP + 50;

	@Autowired
	OnlineSessions online;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	TenantId tenant;

	UUID router;

	UUID otherRouter;

	@BeforeEach
	void sessions() {
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("search"));
		this.onboarding.onboard(this.tenant.slug(), "Search", RateLimitTier.STARTER);
		this.router = UUID.randomUUID();
		this.otherRouter = UUID.randomUUID();
		insert(this.router, "sub", MANY);
		insert(this.otherRouter, "guest", 30);
	}

	@Test
	void shouldSayAtLeastWhenMoreMatchThanTheCap() {
		TenantContext.runAs(this.tenant, () -> {
			OnlineSessions.Page page = this.online.page(filter("sub"), OnlineSessionOrder.USERNAME, null, 101);
			assertThat(page.matches()).isEqualTo(new OnlineSessions.Matches(OnlineSessions.COUNT_CAP, true));
			assertThat(page.sessions()).extracting(OnlineSession::username).isEqualTo(expected("sub", 0, 101));
			// no search: the page walks, the count is asked for apart
			assertThat(this.online.countUpTo(OnlineSessionFilter.ALL))
				.isEqualTo(new OnlineSessions.Matches(OnlineSessions.COUNT_CAP, true));
			assertThat(this.online.countUpTo(OnlineSessionFilter.ofRouter(this.otherRouter)))
				.isEqualTo(new OnlineSessions.Matches(30, false));
			// a prefix of one or two characters walks past 2,000 matches and counts apart
			OnlineSessions.Page prefix = this.online.page(filter("su"), OnlineSessionOrder.LOGIN_NEWEST, null, 10);
			assertThat(prefix.matches()).isNull();
			assertThat(prefix.sessions()).hasSize(10);
			assertThat(this.online.countUpTo(filter("su")))
				.isEqualTo(new OnlineSessions.Matches(OnlineSessions.COUNT_CAP, true));
		});
	}

	@Test
	void shouldCountExactlyUnderTheCapAndPageEveryOrderWithoutGapsOrRepeats() {
		TenantContext.runAs(this.tenant, () -> {
			// sub01000 … sub01999: 1,000 matches, collected and sorted
			String text = "b01";
			long matching = expected(text, 0, Integer.MAX_VALUE).size();
			assertThat(matching).isEqualTo(1_000);
			for (OnlineSessionOrder order : OnlineSessionOrder.values()) {
				List<OnlineSession> all = new ArrayList<>();
				OnlineSessions.Position after = null;
				while (true) {
					OnlineSessions.Page page = this.online.page(filter(text), order, after, 300);
					assertThat(page.matches()).isEqualTo(new OnlineSessions.Matches(matching, false));
					all.addAll(page.sessions());
					if (page.sessions().size() < 300) {
						break;
					}
					after = OnlineSessions.Position.of(page.sessions().getLast());
				}
				assertThat(all).extracting(OnlineSession::id).doesNotHaveDuplicates().hasSize((int) matching);
				assertThat(all).isSortedAccordingTo(comparator(order));
				assertThat(all).allSatisfy((session) -> assertThat(session.username()).contains(text));
			}
			assertThat(this.online.page(filter("nobody"), OnlineSessionOrder.USERNAME, null, 10))
				.isEqualTo(new OnlineSessions.Page(List.of(), new OnlineSessions.Matches(0, false)));
			// each search is planned for its own text (ADR 0197): on one connection, run
			// more often than PgJDBC needs to keep a statement prepared on the server
			// (where PostgreSQL may switch it to a generic plan), none is kept
			List<String> kept = this.transactions.execute((status) -> {
				for (int i = 0; i < 8; i++) {
					this.online.page(filter("b01"), OnlineSessionOrder.USERNAME, null, 10);
					this.online.page(filter("s"), OnlineSessionOrder.LOGIN_NEWEST, null, 10);
					this.online.countUpTo(filter("b01"));
				}
				// only this tenant's searches: statements without text may stay
				// prepared, and the pooled connection holds other tests' statements
				return this.jdbc
					.sql("SELECT statement FROM pg_prepared_statements WHERE strpos(statement, :table) > 0"
							+ " AND (strpos(statement, ' LIKE ') > 0 OR strpos(statement, '~>=~') > 0)")
					.param("table", this.tenant.schemaName() + ".online_session")
					.query(String.class)
					.list();
			});
			assertThat(kept).isEmpty();
		});
	}

	@Test
	void shouldExplainWhatASearchReads() {
		List<String> plans = TenantContext.callAs(this.tenant,
				() -> this.online.explain(filter("sub"), OnlineSessionOrder.USERNAME, 101));
		// the collecting statement, then the walk (more than the cap match); no count
		assertThat(plans.stream().filter((line) -> line.startsWith("-- "))).hasSize(2);
		assertThat(plans).anyMatch((line) -> line.contains("Buffers: shared hit="));
	}

	private static Comparator<OnlineSession> comparator(OnlineSessionOrder order) {
		Comparator<OnlineSession> byId = Comparator.comparing(OnlineSession::id);
		return switch (order) {
			case LOGIN_NEWEST -> Comparator.comparing(OnlineSession::loginAt).thenComparing(byId).reversed();
			case LOGIN_OLDEST -> Comparator.comparing(OnlineSession::loginAt).thenComparing(byId);
			case USERNAME -> Comparator.comparing(OnlineSession::username).thenComparing(byId);
		};
	}

	/** The user names of {@link #insert}ed sessions containing {@code text}, sorted. */
	private static List<String> expected(String text, int from, int count) {
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= MANY; i++) {
			String name = String.format(Locale.ROOT, "sub%05d", i);
			if (name.contains(text)) {
				names.add(name);
			}
		}
		return names.subList(from, Math.min(names.size(), from + count));
	}

	private static OnlineSessionFilter filter(String text) {
		return new OnlineSessionFilter(null, null, null, null, text);
	}

	/**
	 * Sessions {@code prefix00001}… logged in a second apart, in an order unrelated to
	 * their names (so the orders differ).
	 */
	private void insert(UUID routerId, String prefix, int count) {
		this.jdbc
			.sql("INSERT INTO " + this.tenant.schemaName() + ".online_session (id, router_id, item_id, username, "
					+ "address, caller_id, service, ppp_session_id, login_at, seen_at) SELECT gen_random_uuid(), ?, "
					+ "'*' || n, ? || lpad(n::text, 5, '0'), '10.1.' || (n / 250) || '.' || (n % 250), "
					+ "'02:00:00:00:' || lpad(to_hex(n / 256 % 256), 2, '0') || ':' || lpad(to_hex(n % 256), 2, '0'), "
					+ "'pppoe', '0x' || n, now() - ((n * 7919) % 100000) * interval '1 second', now() "
					+ "FROM generate_series(1, ?) n")
			.params(routerId, prefix, count)
			.update();
		this.jdbc.sql("ANALYZE " + this.tenant.schemaName() + ".online_session").update();
	}

}
