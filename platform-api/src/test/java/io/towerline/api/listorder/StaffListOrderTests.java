package io.towerline.api.listorder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router, plan and operation lists' orders: every order and its reverse, paged
 * forwards and backwards two at a time (so ties and page edges are crossed); a cursor of
 * one order is refused by another; never another tenant's rows. Routers are one on a
 * simulator (ONLINE) and three on a closed port (UNREACHABLE, which health sweeps keep);
 * plans and operations are written straight into the tenant's tables (terminal
 * operations, which no worker touches).
 */
class StaffListOrderTests extends ApiTest {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@Autowired
	JdbcClient jdbc;

	NetworkFixture network;

	HttpGraphQlTester viewer;

	HttpGraphQlTester otherViewer;

	/** Operation ids by the label the expectations use. */
	final Map<UUID, String> operations = new LinkedHashMap<>();

	@BeforeEach
	void lists() {
		TenantId tenant = newTenant("list-order");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN")), "edge");
		String schema = tenant.schemaName();
		for (String name : List.of("zulu", "alpha", "mike")) {
			this.jdbc
				.sql("INSERT INTO " + schema
						+ ".router (id, name, host, port, api_ssl, username, credential_ref, status,"
						+ " created_at, updated_at) VALUES (?, ?, '127.0.0.1', 9, false, 'api', 'none', 'UNREACHABLE',"
						+ " now(), now())")
				.params(UUID.randomUUID(), name)
				.update();
		}
		// name, profile: the two orders disagree (the fixture's plan is Home 20 /
		// home-20)
		for (String[] plan : new String[][] { { "Zoom", "a-zoom" }, { "Basic", "z-basic" },
				{ "Office", "m-office" } }) {
			this.jdbc
				.sql("INSERT INTO " + schema + ".plan (id, name, profile_name, rate_limit, created_at, updated_at)"
						+ " VALUES (?, ?, ?, '10M/10M', now(), now())")
				.params(UUID.randomUUID(), plan[0], plan[1])
				.update();
		}
		// label, kind, status, seconds after T0
		operation(schema, "p1", "SYNC_SUBSCRIBER", "SUCCEEDED", 1);
		operation(schema, "p2", "REMOVE_PROFILE", "FAILED", 2);
		operation(schema, "p3", "SYNC_SUBSCRIBER", "FAILED", 3);
		operation(schema, "p4", "BACKUP_ROUTER", "SUPERSEDED", 4);
		operation(schema, "p5", "REMOVE_PROFILE", "SUCCEEDED", 5);
		this.viewer = as(TestTokens.forTenant(tenant.slug(), "VIEWER"));
		this.otherViewer = as(TestTokens.forTenant(newTenant("list-order-b").slug(), "VIEWER"));
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@ParameterizedTest
	@CsvSource({ "NAME, alpha/edge/mike/zulu", "HEALTH, edge/alpha/mike/zulu" })
	void shouldPageEveryRouterOrderBothWays(String order, String expected) {
		assertEveryWay(new ListQuery("routerOrder", "routers", "name"), order, expected);
	}

	@ParameterizedTest
	@CsvSource({ "NAME, Basic/Home 20/Office/Zoom", "PROFILE, Zoom/Home 20/Office/Basic" })
	void shouldPageEveryPlanOrderBothWays(String order, String expected) {
		assertEveryWay(new ListQuery("planOrder", "plans", "name"), order, expected);
	}

	@ParameterizedTest
	@CsvSource({ "CREATED, p1/p2/p3/p4/p5", "STATUS, p2/p3/p1/p5/p4", "KIND, p4/p2/p5/p1/p3" })
	void shouldPageEveryOperationOrderBothWays(String order, String expected) {
		assertEveryWay(new ListQuery("operationOrder", "operations", "id"), order, expected);
	}

	@Test
	void shouldListOperationsNewestFirstByDefault() {
		GraphQlTester.Response response = this.viewer.documentName("operationOrder").variable("first", 10).execute();
		assertThat(labels(new ListQuery("operationOrder", "operations", "id"), response)).containsExactly("p5", "p4",
				"p3", "p2", "p1");
	}

	@Test
	void shouldKeepTheOperationFilterInEveryOrder() {
		GraphQlTester.Response response = this.viewer.documentName("operationOrder")
			.variable("orderBy", "KIND")
			.variable("descending", false)
			.variable("status", "FAILED")
			.variable("first", 10)
			.execute();
		assertThat(labels(new ListQuery("operationOrder", "operations", "id"), response)).containsExactly("p2", "p3");
	}

	@ParameterizedTest
	@CsvSource({ "routerOrder, routers, NAME, HEALTH", "routerOrder, routers, HEALTH, NAME",
			"planOrder, plans, NAME, PROFILE", "operationOrder, operations, CREATED, STATUS",
			"operationOrder, operations, STATUS, KIND" })
	void shouldRefuseACursorOfAnotherOrder(String document, String field, String from, String to) {
		String cursor = this.viewer.documentName(document)
			.variable("orderBy", from)
			.variable("first", 2)
			.execute()
			.path(field + ".pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.viewer.documentName(document)
			.variable("orderBy", to)
			.variable("first", 2)
			.variable("after", cursor)
			.execute()
			.errors()
			.expect((error) -> "VALIDATION_FAILED".equals(error.getExtensions().get("code")))
			.verify();
	}

	@ParameterizedTest
	@CsvSource({ "routerOrder, routers, NAME", "routerOrder, routers, HEALTH", "planOrder, plans, NAME",
			"planOrder, plans, PROFILE", "operationOrder, operations, CREATED", "operationOrder, operations, STATUS",
			"operationOrder, operations, KIND" })
	void shouldNeverOrderAnotherTenantsRows(String document, String field, String order) {
		this.otherViewer.documentName(document)
			.variable("orderBy", order)
			.variable("first", 100)
			.execute()
			.path(field + ".edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	private void assertEveryWay(ListQuery list, String order, String expected) {
		List<String> ascending = List.of(expected.split("/"));
		List<String> descending = new ArrayList<>(ascending);
		Collections.reverse(descending);
		assertThat(forwards(list, order, false)).as("forwards").containsExactlyElementsOf(ascending);
		assertThat(backwards(list, order, false)).as("backwards").containsExactlyElementsOf(ascending);
		assertThat(forwards(list, order, true)).as("reversed, forwards").containsExactlyElementsOf(descending);
		assertThat(backwards(list, order, true)).as("reversed, backwards").containsExactlyElementsOf(descending);
	}

	private List<String> forwards(ListQuery list, String order, boolean descending) {
		List<String> seen = new ArrayList<>();
		GraphQlTester.Response response = page(list, order, descending, Map.of("first", 2));
		seen.addAll(labels(list, response));
		while (Boolean.TRUE.equals(response.path(list.field() + ".pageInfo.hasNextPage").entity(Boolean.class).get())) {
			String cursor = response.path(list.field() + ".pageInfo.endCursor").entity(String.class).get();
			response = page(list, order, descending, Map.of("first", 2, "after", cursor));
			seen.addAll(labels(list, response));
		}
		return seen;
	}

	/** From the end of the list back to its start, two at a time. */
	private List<String> backwards(ListQuery list, String order, boolean descending) {
		List<List<String>> pages = new ArrayList<>();
		GraphQlTester.Response response = page(list, order, descending, Map.of("last", 2));
		pages.add(labels(list, response));
		while (Boolean.TRUE
			.equals(response.path(list.field() + ".pageInfo.hasPreviousPage").entity(Boolean.class).get())) {
			String cursor = response.path(list.field() + ".pageInfo.startCursor").entity(String.class).get();
			response = page(list, order, descending, Map.of("last", 2, "before", cursor));
			pages.add(labels(list, response));
		}
		Collections.reverse(pages);
		return pages.stream().flatMap(List::stream).toList();
	}

	private GraphQlTester.Response page(ListQuery list, String order, boolean descending, Map<String, Object> paging) {
		GraphQlTester.Request<?> request = this.viewer.documentName(list.document())
			.variable("orderBy", order)
			.variable("descending", descending);
		for (Map.Entry<String, Object> variable : paging.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute();
	}

	private List<String> labels(ListQuery list, GraphQlTester.Response response) {
		List<String> values = response.path(list.field() + ".edges[*].node." + list.node())
			.entityList(String.class)
			.get();
		return list.node().equals("id") ? values.stream().map((id) -> this.operations.get(UUID.fromString(id))).toList()
				: values;
	}

	private void operation(String schema, String label, String kind, String status, int seconds) {
		UUID id = UUID.randomUUID();
		this.operations.put(id, label);
		OffsetDateTime at = T0.plusSeconds(seconds).atOffset(ZoneOffset.UTC);
		this.jdbc
			.sql("INSERT INTO " + schema + ".router_operation (id, kind, router_id, subject, status, attempts,"
					+ " progress_done, progress_total, progress_failed, requested_by, created_at, updated_at, lock_key)"
					+ " VALUES (?, ?, ?, ?, ?, 1, 0, 1, 0, 'test', ?, ?, ?)")
			.params(id, kind, UUID.fromString(this.network.routerId()), label, status, at, at, "profile/name:" + label)
			.update();
	}

	/** A list's test document, its field and the node field that labels a row. */
	private record ListQuery(String document, String field, String node) {

	}

}
