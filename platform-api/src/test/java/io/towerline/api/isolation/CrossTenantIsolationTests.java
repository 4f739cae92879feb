package io.towerline.api.isolation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.alert.AlertSweeper;
import io.towerline.core.router.RouterHealthCheck;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B acting on tenant A's ids (ThingsBoard's "from a different tenant" case) for
 * the fields and mutations whose isolation no feature test covered: a router's health
 * history, a subscriber's usage and ended sessions, the SMS gateway, an endpoint's
 * enabled switch and a template reset. Each B request is NOT_FOUND (or touches only B's
 * own settings), and A's data is unchanged after it; A's own request of the same thing
 * works, so a NOT_FOUND is not a broken query.
 */
class CrossTenantIsolationTests extends ApiTest {

	@Autowired
	AlertSweeper sweeper;

	@Autowired
	RouterHealthCheck healthCheck;

	TenantId a;

	HttpGraphQlTester adminA;

	HttpGraphQlTester adminB;

	NetworkFixture network;

	String subscriberA;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	@BeforeEach
	void twoTenants() {
		this.a = newTenant("iso-cross-a");
		this.adminA = as(TestTokens.forTenant(this.a.slug(), "TENANT_ADMIN"));
		this.adminB = as(TestTokens.forTenant(newTenant("iso-cross-b").slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.adminA, "iso-cross-1");
		this.subscriberA = this.network.createSubscriber("iso-cross", "secret-iso-cross")[0];
	}

	@AfterEach
	void close() {
		this.network.close();
	}

	@Test
	void shouldNotShowARoutersHealthHistoryToAnotherTenant() {
		UUID router = UUID.fromString(this.network.routerId());
		TenantContext.runAs(this.a, () -> this.healthCheck.check(router));
		this.sweeper.sweep(this.a, this.now);
		String query = """
				query($id: ID!, $from: DateTime!, $to: DateTime!) {
				  router(id: $id) { healthHistory(from: $from, to: $to) { at samples } } }""";
		Map<String, Object> range = Map.of("id", this.network.routerId(), "from",
				this.now.minus(1, ChronoUnit.HOURS).toString(), "to", this.now.plus(1, ChronoUnit.HOURS).toString());
		this.adminA.document(query)
			.variables(range)
			.execute()
			.path("router.healthHistory")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
		notFound(this.adminB.document(query).variables(range));
	}

	@Test
	void shouldNotShowASubscribersUsageOrSessionsToAnotherTenant() {
		String usage = """
				query($id: ID!, $from: DateTime!, $to: DateTime!) {
				  subscriber(id: $id) { usage(from: $from, to: $to) { total { rxBytes txBytes } } } }""";
		Map<String, Object> range = Map.of("id", this.subscriberA, "from",
				this.now.minus(1, ChronoUnit.DAYS).toString(), "to", this.now.plus(1, ChronoUnit.HOURS).toString());
		this.adminA.document(usage)
			.variables(range)
			.execute()
			.path("subscriber.usage.total.rxBytes")
			.entity(Double.class)
			.isEqualTo(0.0);
		notFound(this.adminB.document(usage).variables(range));

		String sessions = "query($id: ID!) { subscriber(id: $id) { sessions(first: 5) { edges { cursor } } } }";
		this.adminA.document(sessions)
			.variable("id", this.subscriberA)
			.execute()
			.path("subscriber.sessions.edges")
			.entityList(Object.class)
			.hasSize(0);
		notFound(this.adminB.document(sessions).variable("id", this.subscriberA));
	}

	@Test
	void shouldKeepEachTenantsSmsGatewayItsOwn() {
		setSmsGateway(this.adminA, "https://sms.a.example/send", "secret-a");
		setSmsGateway(this.adminB, "https://sms.b.example/send", null);
		this.adminA.document("{ smsGateway { url hasSecret } }")
			.execute()
			.path("smsGateway.url")
			.entity(String.class)
			.isEqualTo("https://sms.a.example/send")
			.path("smsGateway.hasSecret")
			.entity(Boolean.class)
			.isEqualTo(true);
		this.adminB.document("{ smsGateway { url hasSecret } }")
			.execute()
			.path("smsGateway.url")
			.entity(String.class)
			.isEqualTo("https://sms.b.example/send")
			.path("smsGateway.hasSecret")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void shouldNotLetAnotherTenantSwitchAnEndpointOff() {
		String endpoint = this.adminA.document("""
				mutation($input: CreateWebhookEndpointInput!) {
				  createWebhookEndpoint(input: $input) { endpoint { id } } }""")
			.variable("input", Map.of("url", "http://127.0.0.1:9/a", "events", "*"))
			.execute()
			.path("createWebhookEndpoint.endpoint.id")
			.entity(String.class)
			.get();
		notFound(this.adminB.document("""
				mutation($input: SetWebhookEndpointEnabledInput!) {
				  setWebhookEndpointEnabled(input: $input) { errors { code } } }""")
			.variable("input", Map.of("id", endpoint, "enabled", false)));
		this.adminA.document("{ webhookEndpoints { id enabled } }")
			.execute()
			.path("webhookEndpoints[0].id")
			.entity(String.class)
			.isEqualTo(endpoint)
			.path("webhookEndpoints[0].enabled")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void shouldResetOnlyTheCallersOwnTemplate() {
		Map<String, Object> key = Map.of("eventType", "lifecycle.payment_recorded", "channel", "EMAIL");
		this.adminA.document("""
				mutation($input: SetNotificationTemplateInput!) {
				  setNotificationTemplate(input: $input) { errors { code } } }""")
			.variable("input",
					Map.of("eventType", "lifecycle.payment_recorded", "channel", "EMAIL", "subject", "A's receipt",
							"body", "Thanks {{name}}"))
			.execute()
			.path("setNotificationTemplate.errors")
			.entityList(Object.class)
			.hasSize(0);
		this.adminB.document("""
				mutation($input: ResetNotificationTemplateInput!) {
				  resetNotificationTemplate(input: $input) { template { subject builtIn } errors { code } } }""")
			.variable("input", key)
			.execute()
			.path("resetNotificationTemplate.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("resetNotificationTemplate.template.builtIn")
			.entity(Boolean.class)
			.isEqualTo(true);
		this.adminA.document("{ notificationTemplates { eventType channel subject builtIn } }")
			.execute()
			.path("notificationTemplates[?(@.eventType == 'lifecycle.payment_recorded' && @.channel == 'EMAIL')]")
			.entityList(Map.class)
			.satisfies((templates) -> assertThat(templates).singleElement()
				.satisfies((template) -> assertThat(template).containsEntry("subject", "A's receipt")
					.containsEntry("builtIn", false)));
	}

	private static void setSmsGateway(HttpGraphQlTester admin, String url, @Nullable String secret) {
		Map<String, Object> input = (secret != null)
				? Map.of("url", url, "bodyTemplate", "{{to}}: {{text}}", "secret", secret)
				: Map.of("url", url, "bodyTemplate", "{{to}}: {{text}}");
		admin.document("""
				mutation($input: SetSmsGatewayInput!) { setSmsGateway(input: $input) { errors { code message } } }""")
			.variable("input", input)
			.execute()
			.path("setSmsGateway.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private static void notFound(HttpGraphQlTester.Request<?> request) {
		request.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

}
