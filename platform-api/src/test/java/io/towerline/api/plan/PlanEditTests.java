package io.towerline.api.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A plan's edit hands back every operation it started (one per router serving the plan,
 * and the subscribers' moves when its profile is renamed), exactly those the database
 * holds, and they finish; an edit of an older read of the plan, or the loser of two saves
 * of one read at the same instant, changes nothing and says CONCURRENT_MODIFICATION in
 * its payload (ADR 0260, 0265).
 */
class PlanEditTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	TenantId tenant;

	HttpGraphQlTester operator;

	NetworkFixture network;

	RouterOsSimulator second;

	String secondRouterId;

	@BeforeEach
	void planOnTwoRouters() {
		this.tenant = newTenant("plan-edit");
		this.operator = as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR"));
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN")), "edit-a");
		this.second = RouterOsSimulator.builder().version(SimulatorVersion.V7_19).user("api", "router-pass").start();
		this.secondRouterId = NetworkFixture.addRouter(this.network.graphQl(), this.second, "edit-b");
		this.network.createSubscriber("edit-1", "secret-1");
		this.network.createSubscriber("edit-2", "secret-2");
		subscriberOn(this.secondRouterId, "edit-3");
	}

	@AfterEach
	void close() {
		this.network.close();
		this.second.close();
	}

	@Test
	void shouldReturnExactlyTheOperationsTheEditStartedAndLetThemFinish() {
		Instant before = Instant.now();
		GraphQlTester.Response edit = update(version(), "Home 20", "home-20", "30M");
		edit.path("updatePlan.errors").entityList(Object.class).hasSize(0);
		List<String> returned = edit.path("updatePlan.operations[*].id").entityList(String.class).get();
		assertThat(edit.path("updatePlan.operations[*].kind").entityList(String.class).get()).containsOnly("SYNC_PLAN");
		assertThat(edit.path("updatePlan.operations[*].router.id").entityList(String.class).get())
			.containsExactlyInAnyOrder(this.network.routerId(), this.secondRouterId);
		assertThat(returned).containsExactlyInAnyOrderElementsOf(operationsSince(before));
		returned.forEach(this.network::awaitSucceeded);
	}

	@Test
	void shouldReturnTheSubscribersMovesWhenTheProfileIsRenamed() {
		Instant before = Instant.now();
		GraphQlTester.Response edit = update(version(), "Home 20", "home-20-new", "20M");
		edit.path("updatePlan.errors").entityList(Object.class).hasSize(0);
		assertThat(edit.path("updatePlan.operations[*].kind").entityList(String.class).get())
			.containsExactlyInAnyOrder("SYNC_PLAN", "SYNC_PLAN", "SYNC_SUBSCRIBERS", "SYNC_SUBSCRIBERS");
		assertThat(edit.path("updatePlan.operations[*].id").entityList(String.class).get())
			.containsExactlyInAnyOrderElementsOf(operationsSince(before));
	}

	@Test
	void shouldRefuseAnEditOfAnOlderReadAndChangeNothing() {
		int read = version();
		// a colleague saves first
		update(read, "Home 20 plus", "home-20", "25M").path("updatePlan.plan.version")
			.entity(Integer.class)
			.isEqualTo(read + 1);
		Instant before = Instant.now();
		GraphQlTester.Response stale = update(read, "Home 20 stale", "home-20", "99M");
		stale.path("updatePlan.plan").valueIsNull();
		stale.path("updatePlan.operations").entityList(Object.class).hasSize(0);
		stale.path("updatePlan.errors[0].field").entity(String.class).isEqualTo("version");
		stale.path("updatePlan.errors[0].code").entity(String.class).isEqualTo("CONCURRENT_MODIFICATION");
		stale.path("updatePlan.errors").entityList(Object.class).hasSize(1);
		assertThat(operationsSince(before)).isEmpty();
		this.operator.documentName("planEdit")
			.operationName("planVersion")
			.variable("id", this.network.planId())
			.execute()
			.path("plan.name")
			.entity(String.class)
			.isEqualTo("Home 20 plus")
			.path("plan.version")
			.entity(Integer.class)
			.isEqualTo(read + 1);
		// read again, the same edit goes through
		update(version(), "Home 20 stale", "home-20", "99M").path("updatePlan.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/**
	 * Two saves of one version at the same instant: the test holds the plan's row so that
	 * both have started (and the old code had read the plan) before either can write,
	 * then lets them go. One wins; the other is refused as a stale edit in its payload,
	 * changing and enqueuing nothing (ADR 0265).
	 */
	@Test
	void shouldRefuseTheLoserOfTwoSimultaneousSavesOfOneVersionAsAStaleEdit() throws Exception {
		int read = version();
		Instant before = Instant.now();
		ExecutorService savers = Executors.newFixedThreadPool(2);
		try (Connection gate = this.dataSource.getConnection()) {
			gate.setAutoCommit(false);
			int holder = holdPlanRow(gate);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Map<String, Object>>> saves = List.of("21M", "22M").stream().map((rate) -> savers.submit(() -> {
				start.await();
				return payload(update(read, "Home 20 at " + rate, "home-20", rate));
			})).toList();
			start.countDown();
			await().atMost(Duration.ofSeconds(30)).until(() -> waitingBehind(holder) == 2);
			gate.commit();
			List<Map<String, Object>> payloads = new ArrayList<>();
			for (Future<Map<String, Object>> save : saves) {
				payloads.add(save.get(60, TimeUnit.SECONDS));
			}
			Map<String, Object> won = payloads.stream().filter((p) -> p.get("plan") != null).findFirst().orElseThrow();
			Map<String, Object> lost = payloads.get(1 - payloads.indexOf(won));
			assertThat(lost.get("plan")).isNull();
			assertThat((List<?>) lost.get("operations")).isEmpty();
			Map<?, ?> saved = (Map<?, ?>) won.get("plan");
			// the loser read the plan only once the winner had committed: it names the
			// winner's plan
			assertThat((List<?>) lost.get("errors")).singleElement()
				.isEqualTo(Map.of("field", "version", "code", "CONCURRENT_MODIFICATION", "message",
						"The plan '" + saved.get("name") + "' was changed by someone else after you opened it;"
								+ " load it again and redo your edit"));
			assertThat((List<?>) won.get("errors")).isEmpty();
			assertThat(saved.get("version")).isEqualTo(read + 1);
			List<String> wonOperations = ((List<?>) won.get("operations")).stream()
				.map((operation) -> String.valueOf(((Map<?, ?>) operation).get("id")))
				.toList();
			assertThat(wonOperations).hasSize(2);
			assertThat(operationsSince(before)).containsExactlyInAnyOrderElementsOf(wonOperations);
			assertThat(version()).isEqualTo(read + 1);
		}
		finally {
			savers.shutdownNow();
		}
	}

	@Test
	void shouldLetAClientThatSendsNoVersionReplaceThePlanAsItIsNow() {
		int read = version();
		update(read, "Home 20 plus", "home-20", "25M").path("updatePlan.errors").entityList(Object.class).hasSize(0);
		// a billing system written before versions existed: the last save wins
		GraphQlTester.Response edit = update(null, "Home 20 billing", "home-20", "40M");
		edit.path("updatePlan.errors").entityList(Object.class).hasSize(0);
		edit.path("updatePlan.plan.name").entity(String.class).isEqualTo("Home 20 billing");
		edit.path("updatePlan.plan.version").entity(Integer.class).isEqualTo(read + 2);
	}

	private int version() {
		return this.operator.documentName("planEdit")
			.operationName("planVersion")
			.variable("id", this.network.planId())
			.execute()
			.path("plan.version")
			.entity(Integer.class)
			.get();
	}

	private GraphQlTester.Response update(@Nullable Integer version, String name, String profile, String rate) {
		Map<String, Object> input = new HashMap<>();
		input.put("id", this.network.planId());
		if (version != null) {
			input.put("version", version);
		}
		input.put("name", name);
		input.put("profileName", profile);
		input.put("downloadRate", rate);
		input.put("uploadRate", "5M");
		return this.operator.documentName("planEdit").operationName("updatePlan").variable("input", input).execute();
	}

	private static Map<String, Object> payload(GraphQlTester.Response response) {
		return response.path("updatePlan").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	/**
	 * Locks the plan's row in {@code gate}'s transaction and returns its backend's pid.
	 */
	private int holdPlanRow(Connection gate) throws SQLException {
		try (PreparedStatement lock = gate.prepareStatement(
				"SELECT pg_backend_pid() FROM " + this.tenant.schemaName() + ".plan WHERE id = ? FOR UPDATE")) {
			lock.setObject(1, UUID.fromString(this.network.planId()));
			try (ResultSet row = lock.executeQuery()) {
				assertThat(row.next()).isTrue();
				return row.getInt(1);
			}
		}
	}

	/**
	 * The database sessions waiting, directly or in a queue, behind the backend
	 * {@code holder}.
	 */
	private int waitingBehind(int holder) {
		return this.jdbc.sql("""
				WITH RECURSIVE behind(pid) AS (
				  SELECT a.pid FROM pg_stat_activity a WHERE ? = ANY(pg_blocking_pids(a.pid))
				  UNION
				  SELECT a.pid FROM pg_stat_activity a JOIN behind b ON b.pid = ANY(pg_blocking_pids(a.pid)))
				SELECT count(*) FROM behind""").param(holder).query(Integer.class).single();
	}

	private void subscriberOn(String routerId, String username) {
		this.network.graphQl()
			.documentName("createSubscriber")
			.variable("input",
					Map.of("username", username, "password", "secret-" + username, "planId", this.network.planId(),
							"routerId", routerId))
			.execute()
			.path("createSubscriber.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/**
	 * The plan and subscriber syncs enqueued since {@code since} (checks a router's
	 * return may start are other kinds).
	 */
	private List<String> operationsSince(Instant since) {
		return this.jdbc
			.sql("SELECT CAST(id AS text) FROM " + this.tenant.schemaName()
					+ ".router_operation WHERE created_at >= ? AND kind IN ('SYNC_PLAN', 'SYNC_SUBSCRIBERS')")
			.param(Timestamp.from(since))
			.query(String.class)
			.list();
	}

}
