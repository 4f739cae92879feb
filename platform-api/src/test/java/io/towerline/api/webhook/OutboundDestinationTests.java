package io.towerline.api.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant cannot point the platform's webhook or SMS requests at link-local addresses
 * (where cloud metadata services answer) or other addresses never meant for it: refused
 * with a payload error when saved, nothing stored, and refused again at delivery when the
 * URL's host has come to name such an address since.
 */
class OutboundDestinationTests extends ApiTest {

	private static final List<String> FORBIDDEN = List.of("http://169.254.169.254/latest/meta-data/",
			"http://[fe80::1]:8080/", "http://[::ffff:169.254.169.254]/", "http://0.0.0.0:22/", "http://224.0.0.1/");

	@Autowired
	JdbcClient jdbc;

	TenantId tenant;

	HttpGraphQlTester admin;

	@BeforeEach
	void tenant() {
		this.tenant = newTenant("outbound");
		this.admin = as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN"));
	}

	@Test
	void shouldRefuseAWebhookEndpointAtAForbiddenAddressAndStoreNothing() {
		for (String url : FORBIDDEN) {
			var response = this.admin.document("""
					mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
					  endpoint { id } secret errors { field code message } } }""")
				.variable("input", Map.of("url", url, "events", "*"))
				.execute();
			response.path("createWebhookEndpoint.endpoint").valueIsNull();
			response.path("createWebhookEndpoint.secret").valueIsNull();
			response.path("createWebhookEndpoint.errors[0].field").entity(String.class).isEqualTo("url");
			response.path("createWebhookEndpoint.errors[0].code").entity(String.class).isEqualTo("VALIDATION_FAILED");
		}
		this.admin.document("{ webhookEndpoints { id } }")
			.execute()
			.path("webhookEndpoints")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void shouldRefuseAnSmsGatewayAtAForbiddenAddressAndKeepNone() {
		for (String url : FORBIDDEN) {
			var response = this.admin.document("""
					mutation($input: SetSmsGatewayInput!) { setSmsGateway(input: $input) {
					  gateway { url } errors { field code } } }""")
				.variable("input", Map.of("url", url, "bodyTemplate", "to={{to}}&text={{text}}"))
				.execute();
			response.path("setSmsGateway.gateway").valueIsNull();
			response.path("setSmsGateway.errors[0].field").entity(String.class).isEqualTo("url");
			response.path("setSmsGateway.errors[0].code").entity(String.class).isEqualTo("VALIDATION_FAILED");
		}
		this.admin.document("{ smsGateway { url } }").execute().path("smsGateway").valueIsNull();
	}

	@Test
	void shouldRefuseADeliveryWhoseHostNamesAForbiddenAddressNow() {
		String endpointId = this.admin.document("""
				mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
				  endpoint { id } errors { code } } }""")
			.variable("input", Map.of("url", "http://127.0.0.1:9/hooks", "events", "*"))
			.execute()
			.path("createWebhookEndpoint.endpoint.id")
			.entity(String.class)
			.get();
		// what a name re-pointed after it was saved looks like at delivery
		this.jdbc.sql("UPDATE " + this.tenant.schemaName() + ".webhook_endpoint SET url = ? WHERE id = ?::uuid")
			.params("http://169.254.169.254/latest/meta-data/", endpointId)
			.update();
		this.admin.document("""
				mutation($input: SendTestWebhookInput!) { sendTestWebhook(input: $input) { delivery { id } } }""")
			.variable("input", Map.of("endpointId", endpointId))
			.execute()
			.path("sendTestWebhook.delivery.id")
			.hasValue();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.admin.document(
					"query($id: ID!) { webhookDeliveries(webhookEndpointId: $id) { nodes { errorCode lastError } } }")
				.variable("id", endpointId)
				.execute()
				.path("webhookDeliveries.nodes[0]")
				.entity(Map.class)
				.satisfies((delivery) -> {
					assertThat(delivery.get("errorCode")).isEqualTo("DESTINATION_REFUSED");
					assertThat((String) delivery.get("lastError")).contains("169.254.169.254").contains("link-local");
				}));
	}

}
