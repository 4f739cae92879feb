package io.towerline.api.isolation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B reading tenant A's data (ADR 0194): every read that takes one of A's ids
 * answers NOT_FOUND; the tenant-wide counts, searches, summaries and lists show B none of
 * A's rows.
 */
class TenantDataReadIsolationTests extends TenantDataTest {

	/** Field → a query using A's ids (see {@link #assertNotFoundForB}). */
	private static final Map<String, String> READS_ON_A = new LinkedHashMap<>();

	static {
		READS_ON_A.put("driftReports", """
				query($router: ID!) { driftReports(routerId: $router, first: 5) { edges { node { id } } } }""");
		READS_ON_A.put("topTalkers", """
				query($router: ID!) { topTalkers(routerId: $router) { unreachableRouters { id } } }""");
		READS_ON_A.put("usageTotal", """
				query($subscriber: ID!, $from: DateTime!, $to: DateTime!) { usageTotal(from: $from, to: $to,
				  subscriberId: $subscriber) { rxBytes txBytes } }""");
		READS_ON_A.put("alertRule", """
				query($rule: ID!) { alertRule(id: $rule) { id } }""");
	}

	@Test
	void shouldAnswerNotFoundOnAnotherTenantsIds() {
		assertNotFoundForB(READS_ON_A);
	}

	@Test
	void shouldCountAndFindNoneOfAnotherTenantsRows() {
		String username = "iso-data";
		assertThat(count(this.adminA, username)).isEqualTo(1);
		assertThat(count(this.adminB, username)).isZero();
		assertThat(this.adminB.document("""
				query($text: String) { subscriberSearch(text: $text, first: 10) { edges { node { id } } } }""")
			.variable("text", username)
			.execute()
			.path("subscriberSearch.edges")
			.entityList(Object.class)
			.get()).isEmpty();
		assertThat(this.adminB.document(
				"""
						query($id: ID) { sessionHistory(filter: { subscriberId: $id }, first: 10) { edges { node { id } } } }""")
			.variable("id", this.subscriberA)
			.execute()
			.path("sessionHistory.edges")
			.entityList(Object.class)
			.get()).isEmpty();
		assertThat(this.adminB.document(
				"""
						query($router: ID) { onlineSessions(filter: { routerId: $router }, first: 10) { edges { node { id } } } }""")
			.variable("router", this.network.routerId())
			.execute()
			.path("onlineSessions.edges")
			.entityList(Object.class)
			.get()).isEmpty();

		String summary = "{ tenantSummary { routers { total } subscribers { total } onlineSessions } }";
		assertThat(this.adminA.document(summary).execute().path("tenantSummary").entity(Map.class).get())
			.containsEntry("routers", Map.of("total", 1))
			.containsEntry("subscribers", Map.of("total", 1));
		assertThat(this.adminB.document(summary).execute().path("tenantSummary").entity(Map.class).get())
			.containsEntry("routers", Map.of("total", 0))
			.containsEntry("subscribers", Map.of("total", 0))
			.containsEntry("onlineSessions", 0);
		assertThat(this.adminB.document("{ tenantThroughput { routersRead routersUnreachable } }")
			.execute()
			.path("tenantThroughput")
			.entity(Map.class)
			.get()).containsEntry("routersRead", 0).containsEntry("routersUnreachable", 0);
		assertThat(this.adminB.document("query($router: ID) { alerts(routerId: $router, first: 10) { totalCount } }")
			.variable("router", this.network.routerId())
			.execute()
			.path("alerts.totalCount")
			.entity(Integer.class)
			.get()).as("A's open alert").isZero();
		assertThat(this.adminB.document("{ alertRules { name } }")
			.execute()
			.path("alertRules[*].name")
			.entityList(String.class)
			.get()).doesNotContain("Iso CPU");
		assertThat(this.adminB.document("{ me { tenant } }").execute().path("me.tenant").entity(String.class).get())
			.isEqualTo(this.tenantB.slug());
	}

	private int count(HttpGraphQlTester tester, String text) {
		return tester.document("query($text: String) { subscriberCount(text: $text) }")
			.variable("text", text)
			.execute()
			.path("subscriberCount")
			.entity(Integer.class)
			.get();
	}

}
