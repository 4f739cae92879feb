package io.towerline.api.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.towerline.api.lifecycle.LifecycleFlowTests.awaitRouter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many subscribers stepping at once reach the routers as one pipelined operation per
 * router, not one per subscriber: grace and suspension in one evaluation, and the
 * restores of a bulk extension. Every router still ends up as the flow says.
 */
class BatchedLifecycleTests extends ApiTest {

	private static final String[] ON_A = { "batch-a1", "batch-a2", "batch-a3" };

	private static final String[] ON_B = { "batch-b1", "batch-b2" };

	@Autowired
	LifecycleEvaluation evaluation;

	@Autowired
	JdbcClient jdbc;

	TenantId tenant;

	HttpGraphQlTester admin;

	NetworkFixture network;

	RouterOsSimulator second;

	String secondRouterId;

	LocalDate expiresOn;

	@BeforeEach
	void twoRouters() {
		this.tenant = newTenant("life-batch");
		this.admin = as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.admin, "batch-a");
		this.second = RouterOsSimulator.builder().version(SimulatorVersion.V7_19).user("api", "router-pass").start();
		this.secondRouterId = NetworkFixture.addRouter(this.admin, this.second, "batch-b");
		String grace = LifecycleFlowTests.createPlan(this.admin, "Grace", "grace", "1M");
		LifecycleFlowTests.setPolicy(this.admin, grace, List.of(3), 1);
		this.expiresOn = LocalDate.now(LifecycleFlowTests.ZONE).plusDays(20);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String name : ON_A) {
			rows.add(row(name, this.network.routerId()));
		}
		for (String name : ON_B) {
			rows.add(row(name, this.secondRouterId));
		}
		this.admin.documentName("bulkCreateSubscribers")
			.variable("input", Map.of("subscribers", rows))
			.execute()
			.path("bulkCreateSubscribers.accepted")
			.entity(Integer.class)
			.isEqualTo(ON_A.length + ON_B.length);
		awaitRouter(() -> {
			assertThat(secrets(this.network.simulator(), ON_A, "profile")).containsOnly("home-20");
			assertThat(secrets(this.second, ON_B, "profile")).containsOnly("home-20");
		});
	}

	@AfterEach
	void close() {
		this.network.close();
		this.second.close();
	}

	@Test
	void shouldStepManySubscribersWithOneOperationPerRouter() {
		Instant before = Instant.now();
		evaluateAt(this.expiresOn.plusDays(1));
		assertThat(operationsSince(before)).containsExactlyInAnyOrder(this.network.routerId() + " SYNC_SUBSCRIBERS",
				this.secondRouterId + " SYNC_SUBSCRIBERS");
		awaitRouter(() -> {
			assertThat(secrets(this.network.simulator(), ON_A, "profile")).containsOnly("grace");
			assertThat(secrets(this.second, ON_B, "profile")).containsOnly("grace");
		});

		before = Instant.now();
		evaluateAt(this.expiresOn.plusDays(2));
		assertThat(operationsSince(before)).containsExactlyInAnyOrder(this.network.routerId() + " SYNC_SUBSCRIBERS",
				this.secondRouterId + " SYNC_SUBSCRIBERS");
		awaitRouter(() -> {
			assertThat(secrets(this.network.simulator(), ON_A, "disabled")).containsOnly("true");
			assertThat(secrets(this.second, ON_B, "disabled")).containsOnly("true");
		});
		assertThat(states()).containsOnly("SUSPENDED");

		// the bulk extension restores all five: plan back and enabled, one operation per
		// router (each subscriber's two changes travel together)
		before = Instant.now();
		this.admin.document("""
				mutation($input: BulkExtendSubscriptionsInput!) { bulkExtendSubscriptions(input: $input) {
				  accepted errors { code } } }""")
			.variable("input", Map.of("subscriberIds", ids(), "days", 30))
			.execute()
			.path("bulkExtendSubscriptions.accepted")
			.entity(Integer.class)
			.isEqualTo(ON_A.length + ON_B.length);
		assertThat(operationsSince(before)).containsExactlyInAnyOrder(this.network.routerId() + " SYNC_SUBSCRIBERS",
				this.secondRouterId + " SYNC_SUBSCRIBERS");
		assertThat(states()).containsOnly("ACTIVE");
		awaitRouter(() -> {
			assertThat(secrets(this.network.simulator(), ON_A, "profile")).containsOnly("home-20");
			assertThat(secrets(this.network.simulator(), ON_A, "disabled")).containsOnly("false");
			assertThat(secrets(this.second, ON_B, "profile")).containsOnly("home-20");
			assertThat(secrets(this.second, ON_B, "disabled")).containsOnly("false");
		});
	}

	private Map<String, Object> row(String name, String routerId) {
		return Map.of("username", name, "password", "secret-" + name, "planId", this.network.planId(), "routerId",
				routerId, "email", name + "@example.net", "expiresOn", this.expiresOn.toString());
	}

	private void evaluateAt(LocalDate day) {
		Instant now = day.atTime(LifecycleFlowTests.HOUR, 0).atZone(LifecycleFlowTests.ZONE).toInstant();
		int looked = TenantContext.callAs(this.tenant, () -> this.evaluation.evaluateDue(now));
		assertThat(looked).isEqualTo(ON_A.length + ON_B.length);
	}

	/** "router kind" of each operation created since {@code since}. */
	private List<String> operationsSince(Instant since) {
		return this.jdbc
			.sql("SELECT router_id || ' ' || kind FROM " + this.tenant.schemaName()
					+ ".router_operation WHERE created_at >= ?")
			.param(Timestamp.from(since))
			.query(String.class)
			.list();
	}

	private List<String> ids() {
		return this.admin.document("{ subscribers(first: 50) { edges { node { id } } } }")
			.execute()
			.path("subscribers.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private List<String> states() {
		return this.admin.document("{ subscribers(first: 50) { edges { node { lifecycleState } } } }")
			.execute()
			.path("subscribers.edges[*].node.lifecycleState")
			.entityList(String.class)
			.hasSize(ON_A.length + ON_B.length)
			.get();
	}

	private static List<String> secrets(RouterOsSimulator simulator, String[] names, String field) {
		List<String> values = new ArrayList<>();
		for (String name : names) {
			values.add(simulator.secret(name).map((secret) -> secret.get(field)).orElse("missing"));
		}
		return values;
	}

}
