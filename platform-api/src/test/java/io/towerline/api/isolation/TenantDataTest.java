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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The data the tenant-data isolation classes share (ADR 0194): tenant A with a router, a
 * subscriber whose operation succeeded, an alert rule and its open alert, a POP and a
 * webhook endpoint; tenant B empty, with its own admin. The subclasses have B act on A's
 * ids by kind of field: reads, mutations, bulk and import.
 */
abstract class TenantDataTest extends ApiTest {

	NetworkFixture network;

	TenantId tenantA;

	TenantId tenantB;

	HttpGraphQlTester adminA;

	HttpGraphQlTester adminB;

	String subscriberA;

	String popA;

	String endpointA;

	String operationA;

	String ruleA;

	String alertA;

	@Autowired
	RouterHealthCheck healthCheck;

	@Autowired
	AlertSweeper sweeper;

	@BeforeEach
	void twoTenants() {
		this.tenantA = newTenant("iso-data-a");
		this.adminA = as(TestTokens.forTenant(this.tenantA.slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.adminA, "iso-data-1");
		String[] created = this.network.createSubscriber("iso-data", "secret-iso-data");
		this.subscriberA = created[0];
		this.operationA = created[1];
		this.network.awaitSucceeded(this.operationA);
		this.ruleA = this.adminA.document("""
				mutation { createAlertRule(input: { type: CPU_HIGH, name: "Iso CPU", severity: CRITICAL, threshold: 50,
				  forSeconds: 0, clearSeconds: 0 }) { rule { id } errors { code } } }""")
			.execute()
			.path("createAlertRule.rule.id")
			.entity(String.class)
			.get();
		this.network.simulator().cpuLoad(99);
		TenantContext.callAs(this.tenantA, () -> this.healthCheck.check(UUID.fromString(this.network.routerId())));
		this.sweeper.sweep(this.tenantA, Instant.now());
		this.alertA = this.adminA
			.document("query($rule: ID) { alerts(ruleId: $rule, first: 1) { edges { node { id } } } }")
			.variable("rule", this.ruleA)
			.execute()
			.path("alerts.edges[0].node.id")
			.entity(String.class)
			.get();
		this.popA = this.adminA.document(
				"mutation { createPop(input: { name: \"Iso Hill\", address: \"Ridge 1\" }) { pop { id } errors { code } } }")
			.execute()
			.path("createPop.pop.id")
			.entity(String.class)
			.get();
		this.endpointA = this.adminA.document("""
				mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hook", events: "*" }) {
				  endpoint { id } errors { code } } }""")
			.execute()
			.path("createWebhookEndpoint.endpoint.id")
			.entity(String.class)
			.get();
		this.tenantB = newTenant("iso-data-b");
		this.adminB = as(TestTokens.forTenant(this.tenantB.slug(), "TENANT_ADMIN"));
	}

	@AfterEach
	void close() {
		this.network.close();
	}

	/**
	 * Runs each document as B with A's ids as {@code $subscriber}, {@code $plan},
	 * {@code $router}, {@code $pop}, {@code $endpoint}, {@code $rule}, {@code $alert},
	 * {@code $operation} (and a day's window as {@code $from}, {@code $to}), and expects
	 * NOT_FOUND from each.
	 */
	void assertNotFoundForB(Map<String, String> documents) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		Map<String, Object> variables = Map.ofEntries(Map.entry("subscriber", this.subscriberA),
				Map.entry("plan", this.network.planId()), Map.entry("router", this.network.routerId()),
				Map.entry("pop", this.popA), Map.entry("endpoint", this.endpointA), Map.entry("rule", this.ruleA),
				Map.entry("alert", this.alertA), Map.entry("operation", this.operationA),
				Map.entry("from", now.minus(1, ChronoUnit.DAYS).toString()),
				Map.entry("to", now.plus(1, ChronoUnit.HOURS).toString()));
		assertNotFoundForB(documents, variables);
	}

	/**
	 * Runs each document as B with those of {@code idsOfA} it declares as variables, and
	 * expects NOT_FOUND from each.
	 */
	void assertNotFoundForB(Map<String, String> documents, Map<String, Object> idsOfA) {
		documents.forEach((field, document) -> {
			GraphQlTester.Request<?> request = this.adminB.document(document);
			idsOfA.forEach((name, value) -> {
				if (document.contains("$" + name + ":")) {
					request.variable(name, value);
				}
			});
			CrossTenantAnswers.assertNotFound(field, request.execute());
		});
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> readA(String query, String id, String field) {
		return this.adminA.document(query).variable("id", id).execute().path(field).entity(Map.class).get();
	}

}
