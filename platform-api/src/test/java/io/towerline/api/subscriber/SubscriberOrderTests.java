package io.towerline.api.subscriber;

import java.util.ArrayList;
import java.util.Collections;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscriber list's orders: every order and its reverse, paged forwards and backwards
 * two at a time (so ties and page edges are crossed), with subscribers without an expiry
 * after every date; a cursor of one order is refused by another; never another tenant's.
 */
class SubscriberOrderTests extends ApiTest {

	NetworkFixture network;

	HttpGraphQlTester viewer;

	TenantId tenant;

	@BeforeEach
	void subscribers() {
		this.tenant = newTenant("order");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN")), "edge-o");
		String zoom = this.network.graphQl()
			.documentName("createPlan")
			.variable("input",
					Map.of("name", "Zoom 100", "profileName", "zoom-100", "downloadRate", "100M", "uploadRate", "20M"))
			.execute()
			.path("createPlan.plan.id")
			.entity(String.class)
			.get();
		String home = this.network.planId();
		create("eve", home, "2027-03-01");
		String bob = create("bob", zoom, null);
		create("dan", zoom, "2027-01-15");
		String amy = create("amy", zoom, "2027-03-01");
		create("cat", home, null);
		this.network.graphQl().documentName("subscriberAction").operationName("suspend").variable("id", bob).execute();
		this.network.graphQl()
			.document("mutation($id: ID!) { disableSubscriber(input: { id: $id }) { errors { code } } }")
			.variable("id", amy)
			.execute()
			.path("disableSubscriber.errors")
			.entityList(Object.class)
			.hasSize(0);
		this.viewer = as(TestTokens.forTenant(this.tenant.slug(), "VIEWER"));
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@ParameterizedTest
	@CsvSource({ "USERNAME, amy bob cat dan eve", "CREATED, eve bob dan amy cat", "EXPIRY, dan amy eve bob cat",
			"STATUS, cat dan eve amy bob", "PLAN, cat eve amy bob dan" })
	void shouldPageEveryOrderAndItsReverseBothWays(String order, String expected) {
		List<String> ascending = List.of(expected.split(" "));
		List<String> descending = new ArrayList<>(ascending);
		Collections.reverse(descending);
		assertThat(forwards(order, false)).containsExactlyElementsOf(ascending);
		assertThat(backwards(order, false)).containsExactlyElementsOf(ascending);
		assertThat(forwards(order, true)).containsExactlyElementsOf(descending);
		assertThat(backwards(order, true)).containsExactlyElementsOf(descending);
	}

	@Test
	void shouldKeepTheFilterInEveryOrder() {
		GraphQlTester.Response response = this.viewer.documentName("subscriberOrder")
			.variable("orderBy", "EXPIRY")
			.variable("descending", true)
			.variable("status", "ACTIVE")
			.variable("first", 10)
			.execute();
		assertThat(usernames(response)).containsExactly("cat", "eve", "dan");
	}

	@Test
	void shouldRefuseACursorOfAnotherOrder() {
		String cursor = page("CREATED", false, Map.of("first", 2)).path("subscriberSearch.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.viewer.documentName("subscriberOrder")
			.variable("orderBy", "EXPIRY")
			.variable("first", 2)
			.variable("after", cursor)
			.execute()
			.errors()
			.expect((error) -> "VALIDATION_FAILED".equals(error.getExtensions().get("code")))
			.verify();
	}

	@Test
	void shouldNeverOrderAnotherTenantsSubscribers() {
		HttpGraphQlTester other = as(TestTokens.forTenant(newTenant("order-b").slug(), "TENANT_ADMIN"));
		for (String order : List.of("USERNAME", "CREATED", "EXPIRY", "STATUS", "PLAN")) {
			assertThat(usernames(
					other.documentName("subscriberOrder").variable("orderBy", order).variable("first", 100).execute()))
				.as(order)
				.isEmpty();
		}
	}

	private List<String> forwards(String order, boolean descending) {
		List<String> seen = new ArrayList<>();
		GraphQlTester.Response response = page(order, descending, Map.of("first", 2));
		seen.addAll(usernames(response));
		while (Boolean.TRUE
			.equals(response.path("subscriberSearch.pageInfo.hasNextPage").entity(Boolean.class).get())) {
			String cursor = response.path("subscriberSearch.pageInfo.endCursor").entity(String.class).get();
			response = page(order, descending, Map.of("first", 2, "after", cursor));
			seen.addAll(usernames(response));
		}
		return seen;
	}

	/** From the end of the list back to its start, two at a time. */
	private List<String> backwards(String order, boolean descending) {
		List<List<String>> pages = new ArrayList<>();
		GraphQlTester.Response response = page(order, descending, Map.of("last", 2));
		pages.add(usernames(response));
		while (Boolean.TRUE
			.equals(response.path("subscriberSearch.pageInfo.hasPreviousPage").entity(Boolean.class).get())) {
			String cursor = response.path("subscriberSearch.pageInfo.startCursor").entity(String.class).get();
			response = page(order, descending, Map.of("last", 2, "before", cursor));
			pages.add(usernames(response));
		}
		Collections.reverse(pages);
		return pages.stream().flatMap(List::stream).toList();
	}

	private GraphQlTester.Response page(String order, boolean descending, Map<String, Object> paging) {
		GraphQlTester.Request<?> request = this.viewer.documentName("subscriberOrder")
			.variable("orderBy", order)
			.variable("descending", descending);
		for (Map.Entry<String, Object> variable : paging.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute();
	}

	private static List<String> usernames(GraphQlTester.Response response) {
		return response.path("subscriberSearch.edges[*].node.username").entityList(String.class).get();
	}

	private String create(String username, String planId, String expiresOn) {
		Map<String, Object> input = new HashMap<>();
		input.put("username", username);
		input.put("password", "secret-" + username);
		input.put("planId", planId);
		input.put("routerId", this.network.routerId());
		input.put("expiresOn", expiresOn);
		GraphQlTester.Response response = this.network.graphQl()
			.documentName("createSubscriber")
			.variable("input", input)
			.execute();
		response.path("createSubscriber.errors").entityList(Object.class).hasSize(0);
		this.network.awaitSucceeded(response.path("createSubscriber.operation.id").entity(String.class).get());
		return response.path("createSubscriber.subscriber.id").entity(String.class).get();
	}

}
