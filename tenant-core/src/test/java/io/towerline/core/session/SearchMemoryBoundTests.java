package io.towerline.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.towerline.core.session.keys.SearchKeyMirrors;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.testsupport.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The search keys in memory stay within {@code search-memory-max-keys} across tenants
 * (ADR 0246): the copies searched least recently are dropped to make room, a tenant with
 * more keys than the bound (at its first search or grown since) is searched in the
 * database without dropping anyone, and every answer is the database's meanwhile, also
 * with many tenants searched at once.
 */
@SpringBootTest
class SearchMemoryBoundTests extends DatabaseTest {

	/** Room for two tenants of {@link #SESSIONS}, not three. */
	private static final int MAX_KEYS = 70;

	private static final int SESSIONS = 30;

	private static final OnlineSessionFilter BOUND = new OnlineSessionFilter(null, null, null, null, "bound-");

	@Autowired
	TestOnlineSessions sessions;

	@Autowired
	TransactionTemplate transactions;

	SearchKeyMirrors mirrors;

	OnlineSessions online;

	OnlineSessions database;

	@BeforeEach
	void services() {
		this.mirrors = new SearchKeyMirrors(true, Duration.ofMinutes(10), MAX_KEYS);
		this.online = this.sessions.inMemory(this.mirrors);
		this.database = this.sessions.inDatabase();
	}

	@Test
	void shouldDropTheCopiesSearchedLeastRecentlyToMakeRoom() {
		TenantId first = tenant(SESSIONS);
		TenantId second = tenant(SESSIONS);
		TenantId third = tenant(SESSIONS);
		TenantId fourth = tenant(SESSIONS);
		search(first);
		search(second);
		assertThat(this.mirrors.sizes()).containsOnly(entry(first.schemaName(), SESSIONS),
				entry(second.schemaName(), SESSIONS));
		// the first is now searched more recently than the second
		search(first);
		search(third);
		assertThat(this.mirrors.sizes()).containsOnly(entry(first.schemaName(), SESSIONS),
				entry(third.schemaName(), SESSIONS));
		search(third);
		search(fourth);
		assertThat(this.mirrors.sizes()).containsOnly(entry(third.schemaName(), SESSIONS),
				entry(fourth.schemaName(), SESSIONS));
		// a dropped tenant's next search reads its keys again
		search(second);
		assertThat(this.mirrors.sizes()).containsOnly(entry(fourth.schemaName(), SESSIONS),
				entry(second.schemaName(), SESSIONS));
	}

	@Test
	void shouldSearchATenantWithMoreKeysThanTheBoundInTheDatabase() {
		TenantId small = tenant(SESSIONS);
		TenantId big = tenant(MAX_KEYS + 1);
		search(small);
		search(big);
		search(big);
		assertThat(this.mirrors.sizes()).containsOnly(entry(small.schemaName(), SESSIONS));
		// exactly the bound still fits, beside no one
		TenantId full = tenant(MAX_KEYS);
		search(full);
		assertThat(this.mirrors.sizes()).containsOnly(entry(full.schemaName(), MAX_KEYS));
	}

	@Test
	void shouldSearchATenantThatGrewPastTheBoundInTheDatabase() {
		TenantId other = tenant(SESSIONS);
		TenantId growing = tenant(MAX_KEYS - SESSIONS);
		search(other);
		search(growing);
		assertThat(this.mirrors.held()).isEqualTo(MAX_KEYS);
		// one more session: the other copy makes room
		insert(growing, 1);
		search(growing);
		assertThat(this.mirrors.sizes()).containsOnly(entry(growing.schemaName(), MAX_KEYS - SESSIONS + 1));
		// more than the bound: no copy, the database answers
		insert(growing, SESSIONS);
		search(growing);
		assertThat(this.mirrors.sizes()).isEmpty();
		assertThat(this.mirrors.held()).isZero();
	}

	@Test
	void shouldAnswerManyTenantsSearchedAtOnceAsTheDatabaseDoes() throws Exception {
		List<TenantId> tenants = List.of(tenant(SESSIONS), tenant(SESSIONS), tenant(SESSIONS), tenant(MAX_KEYS + 5));
		Map<TenantId, OnlineSessions.Page> expected = new HashMap<>();
		for (TenantId tenant : tenants) {
			expected.put(tenant, TenantContext.callAs(tenant, () -> this.transactions
				.execute((status) -> this.database.page(BOUND, OnlineSessionOrder.USERNAME, null, 10))));
		}
		ExecutorService searchers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				Random random = new Random(thread);
				done.add(searchers.submit(() -> {
					for (int i = 0; i < 40; i++) {
						TenantId tenant = tenants.get(random.nextInt(tenants.size()));
						OnlineSessions.Page page = TenantContext.callAs(tenant, () -> this.transactions
							.execute((status) -> this.online.page(BOUND, OnlineSessionOrder.USERNAME, null, 10)));
						assertThat(page).as("%s search %d", tenant, i).isEqualTo(expected.get(tenant));
						assertThat(this.mirrors.held()).isLessThanOrEqualTo(MAX_KEYS);
					}
				}));
			}
			for (Future<?> searched : done) {
				searched.get();
			}
		}
		finally {
			searchers.shutdownNow();
		}
		assertKeysWithinTheBound();
	}

	/**
	 * Every order's pages as the database's, then the keys held checked against the
	 * bound.
	 */
	private void search(TenantId tenant) {
		TenantContext.runAs(tenant, () -> {
			for (OnlineSessionOrder order : OnlineSessionOrder.values()) {
				this.sessions.assertSamePages(this.online, this.database, BOUND, order, 7);
			}
		});
		assertKeysWithinTheBound();
	}

	private void assertKeysWithinTheBound() {
		long sum = this.mirrors.sizes().values().stream().mapToLong(Integer::longValue).sum();
		assertThat(sum).isLessThanOrEqualTo(MAX_KEYS).isEqualTo(this.mirrors.held());
	}

	private TenantId tenant(int sessions) {
		TenantId tenant = this.sessions.tenant("bound", RateLimitTier.STARTER);
		insert(tenant, sessions);
		return tenant;
	}

	private void insert(TenantId tenant, int sessions) {
		UUID router = UUID.randomUUID();
		Instant login = Instant.parse("2026-11-01T00:00:00Z");
		for (int i = 0; i < sessions; i++) {
			UUID id = UUID.randomUUID();
			this.sessions.insert(tenant, id, router, null, "bound-" + id, "10.8.0." + (i % 250),
					"02:00:00:00:00:0" + (i % 10), login.plusSeconds(i % 7));
		}
	}

}
