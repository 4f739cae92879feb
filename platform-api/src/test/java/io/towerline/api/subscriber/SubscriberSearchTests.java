package io.towerline.api.subscriber;

import java.util.HashMap;
import java.util.List;
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
 * The staff's subscriber list: search by username, name, e-mail or phone, filters by
 * status, plan and router, keyset paging and the count; never across tenants.
 */
class SubscriberSearchTests extends ApiTest {

	NetworkFixture network;

	HttpGraphQlTester viewer;

	TenantId tenant;

	@BeforeEach
	void subscribers() {
		this.tenant = newTenant("search");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN")), "edge-s");
		create("anna", "Anna Berg", "anna@fiber.example", "+41 79 111 22 33");
		create("bruno", "Bruno Keller", "bruno@mail.example", "+41 79 444 55 66");
		create("carla_1", "Carla Rossi", "CARLA@Fiber.example", null);
		String dora = create("dora", "Dora 100%", null, "+41 79 777 88 99");
		this.network.graphQl().documentName("subscriberAction").operationName("suspend").variable("id", dora).execute();
		this.viewer = as(TestTokens.forTenant(this.tenant.slug(), "VIEWER"));
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldFindByAnyPartOfUsernameNameEmailOrPhoneIgnoringCase() {
		assertThat(usernames(Map.of("text", "ann"))).containsExactly("anna");
		assertThat(usernames(Map.of("text", "KELLER"))).containsExactly("bruno");
		assertThat(usernames(Map.of("text", "fiber.EXAMPLE"))).containsExactly("anna", "carla_1");
		assertThat(usernames(Map.of("text", "777 88"))).containsExactly("dora");
		assertThat(usernames(Map.of("text", "  "))).containsExactly("anna", "bruno", "carla_1", "dora");
	}

	@Test
	void shouldTakeLikeWildcardsLiterally() {
		assertThat(usernames(Map.of("text", "%"))).containsExactly("dora");
		assertThat(usernames(Map.of("text", "_"))).containsExactly("carla_1");
		assertThat(usernames(Map.of("text", "a_n"))).isEmpty();
	}

	@Test
	void shouldFilterByStatusPlanAndRouterAndCountTheSame() {
		assertThat(usernames(Map.of("status", "SUSPENDED"))).containsExactly("dora");
		assertThat(usernames(
				Map.of("planId", this.network.planId(), "routerId", this.network.routerId(), "text", "example")))
			.containsExactly("anna", "bruno", "carla_1");
		assertThat(count(Map.of("planId", this.network.planId()))).isEqualTo(4);
		assertThat(count(Map.of("status", "SUSPENDED", "text", "dora"))).isEqualTo(1);
		assertThat(count(Map.of("status", "DISABLED"))).isZero();
	}

	@Test
	void shouldPageInUsernameOrder() {
		GraphQlTester.Response first = search(Map.of("first", 3));
		assertThat(first.path("subscriberSearch.edges[*].node.username").entityList(String.class).get())
			.containsExactly("anna", "bruno", "carla_1");
		first.path("subscriberSearch.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("subscriberSearch.pageInfo.endCursor").entity(String.class).get();
		assertThat(search(Map.of("first", 3, "after", cursor)).path("subscriberSearch.edges[*].node.username")
			.entityList(String.class)
			.get()).containsExactly("dora");
	}

	@Test
	void shouldNeverFindAnotherTenantsSubscribers() {
		HttpGraphQlTester other = as(TestTokens.forTenant(newTenant("search-b").slug(), "TENANT_ADMIN"));
		GraphQlTester.Response response = other.documentName("subscriberSearch")
			.variable("first", 100)
			.variable("text", "a")
			.execute();
		response.path("subscriberSearch.edges").entityList(Object.class).hasSize(0);
		response.path("subscriberCount").entity(Integer.class).isEqualTo(0);
		other.documentName("subscriberSearch")
			.variable("first", 100)
			.variable("routerId", this.network.routerId())
			.execute()
			.path("subscriberSearch.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	private String create(String username, String fullName, String email, String phone) {
		Map<String, Object> input = new HashMap<>();
		input.put("username", username);
		input.put("password", "secret-" + username);
		input.put("planId", this.network.planId());
		input.put("routerId", this.network.routerId());
		input.put("fullName", fullName);
		input.put("email", email);
		input.put("phone", phone);
		GraphQlTester.Response response = this.network.graphQl()
			.documentName("createSubscriber")
			.variable("input", input)
			.execute();
		response.path("createSubscriber.errors").entityList(Object.class).hasSize(0);
		return response.path("createSubscriber.subscriber.id").entity(String.class).get();
	}

	private GraphQlTester.Response search(Map<String, Object> variables) {
		GraphQlTester.Request<?> request = this.viewer.documentName("subscriberSearch").variable("first", 100);
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute();
	}

	private List<String> usernames(Map<String, Object> variables) {
		return search(variables).path("subscriberSearch.edges[*].node.username").entityList(String.class).get();
	}

	private int count(Map<String, Object> variables) {
		return search(variables).path("subscriberCount").entity(Integer.class).get();
	}

}
