package io.towerline.api.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session kicked by staff ({@code disconnectSession}) is on record as theirs: the
 * kick's commands name the staff user and the router, not the session tracker that found
 * the session. Runs where sessions are tracked, which
 * {@link CommandLogAttributionTests}'s context does not do (its every row would otherwise
 * include the tracker's own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the session tests' settings: their context is reused
@TestPropertySource(properties = { "towerline.test.track-sessions=true", "towerline.sessions.sample-interval=300ms",
		"towerline.sessions.reread-interval=1h", "towerline.sessions.lease-ttl=2s",
		"towerline.sessions.lease-renew-interval=300ms", "towerline.sessions.reconnect-delay=200ms" })
class KickAttributionTests extends ApiTest {

	private static final String ONLINE = """
			{ onlineSessions(first: 10) { edges { node { id username } } } }""";

	private static final String KICK = """
			mutation($id: ID!) { disconnectSession(input: {sessionId: $id}) { operation { id } errors { code } } }""";

	@Autowired
	JdbcClient jdbc;

	RouterOsSimulator simulator;

	@BeforeEach
	void router() {
		this.simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(2)
			.start();
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void shouldNameTheStaffUserAndTheRouterOnTheKicksCommands() {
		TenantId tenant = newTenant("kick-attr");
		HttpGraphQlTester admin = as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN")).mutate()
			.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(30)))
			.build();
		NetworkFixture network = NetworkFixture.on(admin, this.simulator, "kick-core");
		assertThat(this.simulator.connectSubscriber("sub00001")).isTrue();
		String sessionId = await().atMost(Duration.ofSeconds(30))
			.until(() -> admin.document(ONLINE)
				.execute()
				.path("onlineSessions.edges[*].node.id")
				.entityList(String.class)
				.get(), (ids) -> ids.size() == 1)
			.get(0);

		String operation = admin.document(KICK)
			.variable("id", sessionId)
			.execute()
			.path("disconnectSession.operation.id")
			.entity(String.class)
			.get();
		network.awaitSucceeded(operation);

		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT action, actor, router_id FROM " + tenant.schemaName()
					+ ".router_command_log WHERE operation_id = ?")
			.param(UUID.fromString(operation))
			.query()
			.listOfRows();
		assertThat(rows).as("the kick's commands").isNotEmpty().allSatisfy((row) -> {
			assertThat(row.get("actor")).as("who asked, in %s", row).isEqualTo("user:user-of-" + tenant.slug());
			assertThat(String.valueOf(row.get("router_id"))).as("the router, in %s", row).isEqualTo(network.routerId());
		});
		assertThat(rows).extracting((row) -> row.get("action")).contains("/ppp/active/remove");
	}

}
