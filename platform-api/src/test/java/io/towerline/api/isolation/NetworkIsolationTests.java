package io.towerline.api.isolation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B on tenant A's routers, plans and subscribers (ThingsBoard's "from a different
 * tenant" case) for the mutations that take their ids: every one is NOT_FOUND — as a
 * GraphQL error or a payload error on the id — and afterwards A's router, plan and
 * subscriber are as they were; B's own lists show none of A's routers.
 */
class NetworkIsolationTests extends ApiTest {

	/**
	 * Field → a document using A's ids as {@code $router}, {@code $plan},
	 * {@code $subscriber}.
	 */
	private static final Map<String, String> ON_A = new LinkedHashMap<>();

	static {
		ON_A.put("updateRouter", """
				mutation($router: ID!) { updateRouter(input: { id: $router, name: "Taken", host: "127.0.0.1",
				  username: "x" }) { errors { field code } } }""");
		ON_A.put("testRouterConnection", """
				mutation($router: ID!) { testRouterConnection(input: { id: $router }) { reachable } }""");
		ON_A.put("deleteRouter", """
				mutation($router: ID!) { deleteRouter(input: { id: $router }) { errors { field code } } }""");
		ON_A.put("updatePlan", """
				mutation($plan: ID!) { updatePlan(input: { id: $plan, version: 0, name: "Taken", downloadRate: "1M",
				  uploadRate: "1M" }) { errors { field code } } }""");
		ON_A.put("setPlanRouterPool", """
				mutation($plan: ID!, $router: ID!) { setPlanRouterPool(input: { planId: $plan, routerId: $router,
				  ranges: "10.9.0.10-10.9.0.20" }) { errors { field code } } }""");
		ON_A.put("deletePlan", """
				mutation($plan: ID!) { deletePlan(input: { id: $plan }) { errors { field code } } }""");
		ON_A.put("updateSubscriber", """
				mutation($subscriber: ID!) { updateSubscriber(input: { id: $subscriber, fullName: "Taken" }) {
				  errors { field code } } }""");
		ON_A.put("changeSubscriberPassword", """
				mutation($subscriber: ID!) { changeSubscriberPassword(input: { id: $subscriber,
				  password: "taken-by-b1" }) { errors { field code } } }""");
		ON_A.put("changeSubscriberPlan", """
				mutation($subscriber: ID!, $plan: ID!) { changeSubscriberPlan(input: { id: $subscriber,
				  planId: $plan }) { errors { field code } } }""");
		ON_A.put("moveSubscriber", """
				mutation($subscriber: ID!, $router: ID!) { moveSubscriber(input: { id: $subscriber,
				  routerId: $router }) { errors { field code } } }""");
		ON_A.put("disableSubscriber",
				"""
						mutation($subscriber: ID!) { disableSubscriber(input: { id: $subscriber }) { errors { field code } } }""");
		ON_A.put("enableSubscriber",
				"""
						mutation($subscriber: ID!) { enableSubscriber(input: { id: $subscriber }) { errors { field code } } }""");
		ON_A.put("takeBackup", """
				mutation($router: ID!) { takeBackup(input: { routerId: $router }) { errors { field code } } }""");
		ON_A.put("checkDrift", """
				mutation($router: ID!) { checkDrift(input: { routerId: $router }) { errors { field code } } }""");
	}

	HttpGraphQlTester adminB;

	NetworkFixture network;

	String subscriberA;

	@BeforeEach
	void twoTenants() {
		TenantId a = newTenant("iso-net-a");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(a.slug(), "TENANT_ADMIN")), "iso-net-1");
		this.subscriberA = this.network.createSubscriber("iso-net", "secret-iso-net")[0];
		this.adminB = as(TestTokens.forTenant(newTenant("iso-net-b").slug(), "TENANT_ADMIN"));
	}

	@AfterEach
	void close() {
		this.network.close();
	}

	@Test
	void shouldNotChangeAnotherTenantsRoutersPlansOrSubscribers() {
		Map<String, Object> idsOfA = Map.of("router", this.network.routerId(), "plan", this.network.planId(),
				"subscriber", this.subscriberA);
		ON_A.forEach((field, document) -> {
			GraphQlTester.Request<?> request = this.adminB.document(document);
			idsOfA.forEach((name, id) -> {
				if (document.contains("$" + name + ":")) {
					request.variable(name, id);
				}
			});
			CrossTenantAnswers.assertNotFound(field, request.execute());
		});

		Map<String, Object> router = read("query($id: ID!) { router(id: $id) { name } }", this.network.routerId(),
				"router");
		assertThat(router).containsEntry("name", "iso-net-1");
		Map<String, Object> plan = read("query($id: ID!) { plan(id: $id) { name } }", this.network.planId(), "plan");
		assertThat(plan.get("name")).isNotEqualTo("Taken");
		Map<String, Object> subscriber = read(
				"query($id: ID!) { subscriber(id: $id) { fullName status plan { id } router { id } } }",
				this.subscriberA, "subscriber");
		assertThat(subscriber.get("fullName")).isNotEqualTo("Taken");
		assertThat(subscriber).containsEntry("status", "ACTIVE")
			.containsEntry("plan", Map.of("id", this.network.planId()))
			.containsEntry("router", Map.of("id", this.network.routerId()));
		assertThat(this.network.graphQl()
			.document("mutation($id: ID!) { revealSubscriberPassword(input: { id: $id }) { password } }")
			.variable("id", this.subscriberA)
			.execute()
			.path("revealSubscriberPassword.password")
			.entity(String.class)
			.get()).as("A's password unchanged").isEqualTo("secret-iso-net");
	}

	@Test
	void shouldListNoneOfAnotherTenantsRouters() {
		this.adminB.document("{ routers(first: 100) { edges { node { id } } } }")
			.execute()
			.path("routers.edges")
			.entityList(Object.class)
			.hasSize(0);
		this.network.graphQl()
			.document("{ routers(first: 100) { edges { node { id } } } }")
			.execute()
			.path("routers.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(this.network.routerId());
	}

	private Map<String, Object> read(String query, String id, String field) {
		return this.network.graphQl().document(query).variable("id", id).execute().path(field).entity(Map.class).get();
	}

}
