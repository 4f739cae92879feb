package io.towerline.api.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.towerline.api.support.GraphQlSockets;
import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.alert.AlertSweeper;
import io.towerline.core.router.RouterHealthCheck;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code alertRaised} over graphql-ws: each tenant sees its own alerts as they open, and
 * only those.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertSubscriptionIsolationTests extends ApiTest {

	private static final String RAISED = "subscription { alertRaised { id ruleType ruleName state summary } }";

	private static final String CREATE_RULE = """
			mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { rule { id } errors { code } } }""";

	@LocalServerPort
	int port;

	@Autowired
	AlertSweeper sweeper;

	@Autowired
	RouterHealthCheck healthCheck;

	@Autowired
	AlertWatch watch;

	NetworkFixture networkA;

	NetworkFixture networkB;

	TenantId tenantA;

	TenantId tenantB;

	@BeforeEach
	void networks() {
		this.tenantA = newTenant("alert-ws-a");
		this.tenantB = newTenant("alert-ws-b");
		this.networkA = network(this.tenantA, "ws-a");
		this.networkB = network(this.tenantB, "ws-b");
	}

	@AfterEach
	void stop() {
		this.networkA.close();
		this.networkB.close();
	}

	@Test
	void shouldStreamEachTenantsAlertsToThatTenantOnly() throws Exception {
		CompletableFuture<Map> firstOfA = socket(this.tenantA).document(RAISED)
			.executeSubscription()
			.toFlux("alertRaised", Map.class)
			.next()
			.toFuture();
		CompletableFuture<Map> firstOfB = socket(this.tenantB).document(RAISED)
			.executeSubscription()
			.toFlux("alertRaised", Map.class)
			.next()
			.toFuture();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.watch.follows(this.tenantA) && this.watch.follows(this.tenantB));

		this.networkA.simulator().cpuLoad(99);
		sweep(this.tenantA, this.networkA);
		assertThat(firstOfA.get(30, TimeUnit.SECONDS)).containsEntry("ruleName", "Socket CPU " + this.tenantA.slug())
			.containsEntry("state", "OPEN");

		// B's stream was open while A's alert was raised: its first alert is its own
		this.networkB.simulator().cpuLoad(99);
		sweep(this.tenantB, this.networkB);
		assertThat(firstOfB.get(30, TimeUnit.SECONDS)).containsEntry("ruleName", "Socket CPU " + this.tenantB.slug());
	}

	private void sweep(TenantId tenant, NetworkFixture network) {
		TenantContext.callAs(tenant, () -> this.healthCheck.check(UUID.fromString(network.routerId())));
		this.sweeper.sweep(tenant, Instant.now());
	}

	private NetworkFixture network(TenantId tenant, String name) {
		NetworkFixture network = NetworkFixture.create(as(TestTokens.forTenant(tenant.slug(), "OPERATOR")), name);
		Map<String, Object> input = Map.of("type", "CPU_HIGH", "name", "Socket CPU " + tenant.slug(), "severity",
				"CRITICAL", "threshold", 50, "forSeconds", 0, "clearSeconds", 0);
		assertThat(as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN")).document(CREATE_RULE)
			.variable("input", input)
			.execute()
			.path("createAlertRule.errors")
			.entityList(Object.class)
			.get()).isEqualTo(List.of());
		return network;
	}

	private WebSocketGraphQlTester socket(TenantId tenant) {
		String token = TestTokens.forTenant(tenant.slug(), "VIEWER");
		return GraphQlSockets.as(this.port, token);
	}

}
