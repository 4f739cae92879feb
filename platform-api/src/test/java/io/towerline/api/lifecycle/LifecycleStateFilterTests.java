package io.towerline.api.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.lifecycle.LifecycleEvaluation;
import io.towerline.core.subscriber.LifecycleState;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscriber list narrowed by lifecycle state (ADR 0254): subscribers walked by the
 * real evaluation into every state, some without an expiry; each filter returns exactly
 * those whose {@code lifecycleState} says so, its count is the list's, the dashboard's
 * "in grace" is the GRACE list's count, and another tenant's subscribers never show.
 */
class LifecycleStateFilterTests extends ApiTest {

	/** Expiries from six days before the evaluation to two days after it, one a day. */
	private static final int WITH_EXPIRY = 9;

	private static final int WITHOUT_EXPIRY = 3;

	@Autowired
	LifecycleEvaluation evaluation;

	@Autowired
	JdbcClient jdbc;

	TenantId tenant;

	HttpGraphQlTester viewer;

	LocalDate day;

	@BeforeEach
	void subscribersInEveryState() {
		// a day ahead of the real clock, so every changed expiry is due by then
		this.day = LocalDate.now(LifecycleFlowTests.ZONE).plusDays(1);
		this.tenant = newTenant("life-filter");
		walked(this.tenant, "filt", WITH_EXPIRY, WITHOUT_EXPIRY);
		this.viewer = as(TestTokens.forTenant(this.tenant.slug(), "VIEWER"));
	}

	@Test
	void shouldListExactlyTheSubscribersInEachStateAndCountTheSame() {
		Map<String, String> stateOf = stateByUsername(this.viewer);
		assertThat(stateOf).hasSize(WITH_EXPIRY + WITHOUT_EXPIRY);
		// the walk reached every state, and those without an expiry stand nowhere
		assertThat(stateOf.values()).contains(names(LifecycleState.values()));
		assertThat(stateOf.values().stream().filter("none"::equals)).hasSize(WITHOUT_EXPIRY);
		for (LifecycleState state : LifecycleState.values()) {
			List<String> expected = stateOf.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().equals(state.name()))
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
			GraphQlTester.Response response = search(this.viewer, state);
			assertThat(response.path("subscriberSearch.edges[*].node.username").entityList(String.class).get())
				.as(state.name())
				.containsExactlyElementsOf(expected);
			response.path("subscriberCount").entity(Integer.class).isEqualTo(expected.size());
		}
	}

	@Test
	void shouldCountOnTheDashboardTheSubscribersTheGraceListHolds() {
		int inGrace = this.viewer.documentName("tenantSummary")
			.operationName("tenantSummary")
			.execute()
			.path("tenantSummary.subscribers.inGrace")
			.entity(Integer.class)
			.get();
		assertThat(inGrace).isPositive();
		GraphQlTester.Response grace = search(this.viewer, LifecycleState.GRACE);
		grace.path("subscriberCount").entity(Integer.class).isEqualTo(inGrace);
		grace.path("subscriberSearch.edges").entityList(Object.class).hasSize(inGrace);
	}

	@Test
	void shouldCombineWithTheOtherFilters() {
		Map<String, String> stateOf = stateByUsername(this.viewer);
		String one = stateOf.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals("GRACE"))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		assertThat(usernames(this.viewer.documentName("subscriberSearch")
			.variable("first", 100)
			.variable("lifecycleState", "GRACE")
			.variable("text", one)
			.execute())).containsExactly(one);
		assertThat(usernames(this.viewer.documentName("subscriberSearch")
			.variable("first", 100)
			.variable("lifecycleState", "SUSPENDED")
			.variable("text", one)
			.execute())).isEmpty();
	}

	@Test
	void shouldNeverListAnotherTenantsSubscribers() {
		TenantId other = newTenant("life-filter-b");
		walked(other, "othr", 4, 1);
		HttpGraphQlTester otherViewer = as(TestTokens.forTenant(other.slug(), "VIEWER"));
		for (LifecycleState state : LifecycleState.values()) {
			List<String> seenByB = usernames(search(otherViewer, state));
			assertThat(seenByB).as(state.name()).allMatch((username) -> username.startsWith("othr"));
			List<String> seenByA = usernames(search(this.viewer, state));
			assertThat(seenByA).as(state.name()).allMatch((username) -> username.startsWith("filt"));
		}
		// A's grace list is not empty, and B's count is B's own alone
		assertThat(usernames(search(this.viewer, LifecycleState.GRACE))).isNotEmpty();
		assertThat(search(otherViewer, LifecycleState.GRACE).path("subscriberCount").entity(Integer.class).get())
			.isEqualTo(stateByUsername(otherViewer).values().stream().filter("GRACE"::equals).count());
	}

	@Test
	void shouldRefuseAStateThatDoesNotExistWithACode() {
		this.viewer.document("{ subscriberSearch(first: 5, lifecycleState: NOTICE) { edges { cursor } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code",
						"GRAPHQL_VALIDATION_FAILED")));
		this.viewer.documentName("subscriberSearch")
			.variable("first", 5)
			.variable("lifecycleState", "NOTICE")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty()
				.allSatisfy((error) -> assertThat(error.getExtensions()).containsKey("code")));
	}

	/**
	 * Adds subscribers expiring from six days before {@link #day} on, one a day, and some
	 * without an expiry, then runs the evaluation at {@link #day}'s action hour.
	 */
	private void walked(TenantId tenant, String prefix, int withExpiry, int withoutExpiry) {
		LifecycleTenant life = LifecycleTenant.create(tenant, as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN")),
				this.jdbc, prefix);
		life.addSubscribers(this.jdbc, prefix, withExpiry, this.day.minusDays(6), 1);
		life.addSubscribers(this.jdbc, prefix + "-none", withoutExpiry, null, 0);
		Instant at = this.day.atTime(LifecycleFlowTests.HOUR, 0).atZone(LifecycleFlowTests.ZONE).toInstant();
		TenantContext.callAs(tenant, () -> this.evaluation.evaluateDue(at));
	}

	private static GraphQlTester.Response search(HttpGraphQlTester tester, LifecycleState state) {
		return tester.documentName("subscriberSearch")
			.variable("first", 100)
			.variable("lifecycleState", state.name())
			.execute();
	}

	/** Every subscriber's username and lifecycle state ("none" when it has none). */
	private static Map<String, String> stateByUsername(HttpGraphQlTester tester) {
		GraphQlTester.Response response = tester.documentName("subscriberSearch").variable("first", 100).execute();
		List<String> usernames = usernames(response);
		List<String> states = response.path("subscriberSearch.edges[*].node.lifecycleState")
			.entityList(Object.class)
			.get()
			.stream()
			.map((state) -> (state != null) ? state.toString() : "none")
			.toList();
		return IntStream.range(0, usernames.size()).boxed().collect(Collectors.toMap(usernames::get, states::get));
	}

	private static List<String> usernames(GraphQlTester.Response response) {
		return response.path("subscriberSearch.edges[*].node.username").entityList(String.class).get();
	}

	private static String[] names(LifecycleState[] states) {
		return Arrays.stream(states).map(LifecycleState::name).toArray(String[]::new);
	}

}
