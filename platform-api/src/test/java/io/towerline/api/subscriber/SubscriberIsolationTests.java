package io.towerline.api.subscriber;

import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B cannot see or act on tenant A's subscribers, plans, routers, operations or
 * audit entries.
 */
class SubscriberIsolationTests extends ApiTest {

	NetworkFixture networkOfA;

	String subscriberOfA;

	String operationOfA;

	HttpGraphQlTester tenantB;

	@BeforeEach
	void twoTenants() {
		TenantId a = newTenant("iso5-a");
		this.networkOfA = NetworkFixture.create(as(TestTokens.forTenant(a.slug(), "TENANT_ADMIN")), "edge-a");
		String[] created = this.networkOfA.createSubscriber("only-in-a", "secret-a1");
		this.subscriberOfA = created[0];
		this.operationOfA = created[1];
		this.networkOfA.awaitSucceeded(this.operationOfA);
		this.tenantB = as(TestTokens.forTenant(newTenant("iso5-b").slug(), "TENANT_ADMIN"));
	}

	@AfterEach
	void stop() {
		this.networkOfA.close();
	}

	@Test
	void shouldNotFindAnotherTenantsObjects() {
		expectNotFound(this.tenantB.documentName("subscriber").variable("id", this.subscriberOfA));
		expectNotFound(this.tenantB.documentName("operation").variable("id", this.operationOfA));
		expectNotFound(this.tenantB.document("query($id: ID!) { plan(id: $id) { id } }")
			.variable("id", this.networkOfA.planId()));
		expectNotFound(this.tenantB.document("query($id: ID!) { router(id: $id) { id } }")
			.variable("id", this.networkOfA.routerId()));
	}

	@Test
	void shouldNotActOnAnotherTenantsSubscriber() {
		expectNotFound(this.tenantB.documentName("subscriberAction")
			.operationName("suspend")
			.variable("id", this.subscriberOfA));
		expectNotFound(this.tenantB.documentName("subscriberAction")
			.operationName("revealPassword")
			.variable("id", this.subscriberOfA));
		expectNotFound(this.tenantB.documentName("subscriberAction")
			.operationName("deleteSubscriber")
			.variable("id", this.subscriberOfA));
		expectNotFound(
				this.tenantB.document("mutation($id: ID!) { retryOperation(input: {id: $id}) { errors { code } } }")
					.variable("id", this.operationOfA));
		this.networkOfA.graphQl()
			.documentName("subscriber")
			.variable("id", this.subscriberOfA)
			.execute()
			.path("subscriber.status")
			.entity(String.class)
			.isEqualTo("ACTIVE");
		assertThat(this.networkOfA.simulator().secret("only-in-a").orElseThrow()).containsEntry("disabled", "false");
	}

	@Test
	void shouldNotUseAnotherTenantsPlanOrRouter() {
		this.tenantB.documentName("createSubscriber")
			.variable("input",
					Map.of("username", "sneaky", "password", "secret-b1", "planId", this.networkOfA.planId(),
							"routerId", this.networkOfA.routerId()))
			.execute()
			.path("createSubscriber.errors[*].field")
			.entityList(String.class)
			.contains("planId");
		assertThat(this.networkOfA.simulator().secret("sneaky")).isEmpty();
	}

	@Test
	void shouldNotReachAnotherTenantsSubscribersInBulk() {
		String bulk = """
				mutation($input: BulkSubscriberActionInput!) { bulkSubscriberAction(input: $input) {
				  accepted operations { id } rejected { key errors { code } } errors { field code } } }""";
		this.tenantB.document(bulk)
			.variable("input", Map.of("action", "SUSPEND", "subscriberIds", List.of(this.subscriberOfA)))
			.execute()
			.path("bulkSubscriberAction.accepted")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("bulkSubscriberAction.rejected[0].errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		this.tenantB.document(bulk)
			.variable("input", Map.of("action", "SUSPEND", "filter", Map.of()))
			.execute()
			.path("bulkSubscriberAction.accepted")
			.entity(Integer.class)
			.isEqualTo(0);
		this.tenantB.document(bulk)
			.variable("input", Map.of("action", "DISABLE", "filter", Map.of("routerId", this.networkOfA.routerId())))
			.execute()
			.path("bulkSubscriberAction.errors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		assertThat(this.networkOfA.simulator().secret("only-in-a").orElseThrow()).containsEntry("disabled", "false");
	}

	@Test
	void shouldListNothingOfAnotherTenant() {
		this.tenantB.documentName("subscribers")
			.variable("first", 100)
			.execute()
			.path("subscribers.edges")
			.entityList(Object.class)
			.hasSize(0);
		this.tenantB.documentName("operations")
			.variable("first", 100)
			.execute()
			.path("operations.edges")
			.entityList(Object.class)
			.hasSize(0);
		this.tenantB.documentName("plans")
			.variable("first", 100)
			.execute()
			.path("plans.edges")
			.entityList(Object.class)
			.hasSize(0);
		this.tenantB.documentName("commandLog")
			.variable("first", 100)
			.execute()
			.path("commandLog.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	private static void expectNotFound(HttpGraphQlTester.Request<?> request) {
		request.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

}
