package io.towerline.api.subscriber;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscriber lifecycle through GraphQL, checked on the simulated router and in the
 * command audit log.
 */
class SubscriberLifecycleTests extends ApiTest {

	NetworkFixture network;

	TenantId tenant;

	@BeforeEach
	void network() {
		this.tenant = newTenant("life");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "OPERATOR")), "core-1");
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldProvisionTheSecretWithThePlansProfile() {
		String[] created = this.network.createSubscriber("alice", "pa\"ss='word");
		this.network.awaitSucceeded(created[1]);
		assertThat(this.network.simulator().secret("alice").orElseThrow()).containsEntry("profile", "home-20")
			.containsEntry("password", "pa\"ss='word")
			.containsEntry("comment", "towerline:" + created[0]);
		assertThat(this.network.simulator().profile("home-20").orElseThrow()).containsEntry("rate-limit", "5M/20M");
		this.network.graphQl()
			.documentName("subscriber")
			.variable("id", created[0])
			.execute()
			.path("subscriber.status")
			.entity(String.class)
			.isEqualTo("ACTIVE");
	}

	@Test
	void shouldDisableTheSecretAndEndTheSessionOnSuspend() {
		String[] created = this.network.createSubscriber("bob", "secret-2");
		this.network.awaitSucceeded(created[1]);
		this.network.simulator().connectSubscriber("bob");
		this.network.awaitSucceeded(this.network.suspend(created[0]));
		assertThat(this.network.simulator().secret("bob").orElseThrow()).containsEntry("disabled", "true");
		assertThat(this.network.simulator().onlineSubscribers()).doesNotContain("bob");
	}

	@Test
	void shouldShowTheSubscriberWaitingForItsRouterWithoutSpendingAttemptsAndApplyOnceWhenItReturns() {
		int port = this.network.simulator().port();
		this.network.simulator().close();
		String[] created = this.network.createSubscriber("frank", "secret-down");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<String, Object> subscriber = this.network.graphQl()
				.documentName("subscriberSync")
				.variable("id", created[0])
				.execute()
				.path("subscriber")
				.entity(Map.class)
				.get();
			assertThat(subscriber.get("syncState")).isEqualTo("WAITING_FOR_ROUTER");
			@SuppressWarnings("unchecked")
			Map<String, Object> operation = (Map<String, Object>) subscriber.get("syncOperation");
			assertThat(operation.get("id")).isEqualTo(created[1]);
			assertThat(operation.get("status")).isEqualTo("WAITING_FOR_ROUTER");
			assertThat(operation.get("waitReason")).isEqualTo("ROUTER_UNREACHABLE");
			assertThat(operation.get("errorCode")).isEqualTo("ROUTER_UNREACHABLE");
			assertThat((Integer) operation.get("attempts")).isZero();
			assertThat((Integer) operation.get("unreachableTries")).isGreaterThanOrEqualTo(2);
			assertThat(operation.get("nextAttemptAt")).isNotNull();
			// the default policy: days, not minutes
			assertThat(Duration.between(Instant.parse((String) operation.get("waitingSince")),
					Instant.parse((String) operation.get("waitUntil"))))
				.isGreaterThanOrEqualTo(Duration.ofDays(1));
		});
		this.network = this.network.withSimulator(RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.port(port)
			.user("api", "router-pass")
			.recordCommands(true)
			.start());
		this.network.awaitSucceeded(created[1]);
		assertThat(this.network.simulator()
			.receivedCommands()
			.stream()
			.filter((command) -> command.path().equals("/ppp/secret/add"))
			.map((command) -> command.attributes().get("name"))).containsExactly("frank");
		this.network.graphQl()
			.documentName("subscriberSync")
			.variable("id", created[0])
			.execute()
			.path("subscriber.syncState")
			.entity(String.class)
			.isEqualTo("IN_SYNC")
			.path("subscriber.syncOperation")
			.valueIsNull();
	}

	@Test
	void shouldAuditEveryCommandWithSecretsRedacted() {
		String[] created = this.network.createSubscriber("carol", "very-secret-9");
		this.network.awaitSucceeded(created[1]);
		List<Map<String, Object>> entries = this.network.graphQl()
			.documentName("commandLog")
			.variable("filter", Map.of("subscriber", "carol", "action", "/ppp/secret/add"))
			.variable("first", 10)
			.execute()
			.path("commandLog.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map((entry) -> (Map<String, Object>) entry)
			.toList();
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry).containsEntry("outcome", "SUCCEEDED")
				.containsEntry("actor", "user:user-of-" + this.tenant.slug())
				.containsEntry("routerId", this.network.routerId())
				.containsEntry("operationId", created[1]);
			assertThat((String) entry.get("parameters")).contains("carol").doesNotContain("very-secret-9");
			assertThat(entry).containsEntry("subscriber", "carol")
				.containsEntry("target", Map.of("kind", "SUBSCRIBER", "name", "carol"));
		});
		// the plan's profile, put on the router for carol's provisioning, is the
		// profile's row: no subscriber's
		this.network.graphQl()
			.documentName("commandLog")
			.variable("filter", Map.of("action", "/ppp/profile/add"))
			.variable("first", 10)
			.execute()
			.path("commandLog.edges[*].node")
			.entityList(Map.class)
			.satisfies((rows) -> assertThat(rows).singleElement().satisfies((row) -> {
				assertThat(row.get("subscriber")).isNull();
				assertThat(row.get("target")).isEqualTo(Map.of("kind", "PROFILE", "name", "home-20"));
			}));
	}

	@Test
	void shouldRecordWhoRevealedAPassword() {
		String[] created = this.network.createSubscriber("dave", "reveal-me-1");
		this.network.graphQl()
			.documentName("subscriberAction")
			.operationName("revealPassword")
			.variable("id", created[0])
			.execute()
			.path("revealSubscriberPassword.password")
			.entity(String.class)
			.isEqualTo("reveal-me-1");
		this.network.graphQl()
			.documentName("commandLog")
			.variable("filter", Map.of("action", "platform:reveal-password"))
			.variable("first", 10)
			.execute()
			.path("commandLog.edges[*].node.subscriber")
			.entityList(String.class)
			.containsExactly("dave");
	}

	@Test
	void shouldForbidViewersToRevealPasswords() {
		String[] created = this.network.createSubscriber("erin", "hidden-pass");
		as(TestTokens.forTenant(this.tenant.slug(), "VIEWER")).documentName("subscriberAction")
			.operationName("revealPassword")
			.variable("id", created[0])
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	@Test
	void shouldReportInvalidInputAsPayloadErrors() {
		this.network.graphQl()
			.documentName("createSubscriber")
			.variable("input",
					Map.of("username", "bad name", "password", "x", "planId", this.network.planId(), "routerId",
							this.network.routerId()))
			.execute()
			.path("createSubscriber.subscriber")
			.valueIsNull()
			.path("createSubscriber.errors[0].field")
			.entity(String.class)
			.isEqualTo("username");
	}

}
