package io.towerline.api.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static io.towerline.api.limits.GraphQlLimitsTests.aliasesOf;
import static io.towerline.api.limits.GraphQlLimitsTests.codes;
import static io.towerline.api.limits.GraphQlLimitsTests.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields of the live network, reports, alerts and backups features, fanned out the
 * way a hostile tenant would (ADR 0224): nested in pages, repeated under aliases, over
 * the longest ranges. Each shape that would make the platform read far more than a page
 * is refused with MAX_COST_EXCEEDED (or MAX_ALIASES_EXCEEDED) before it runs; the web
 * client's own documents stay well inside the ceiling (5,000 points).
 */
class NewestFieldCostTests extends ApiTest {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	private static final String WEEK = "from: \"" + NOW.minus(Duration.ofDays(7)) + "\", to: \"" + NOW + "\"";

	private HttpGraphQlTester viewer;

	@BeforeEach
	void viewer() {
		TenantId tenant = newTenant("newcost");
		this.viewer = as(TestTokens.forTenant(tenant.slug(), "VIEWER"));
	}

	@Test
	void shouldRefuseHistoriesOfEveryRouterOfAPage() {
		for (String history : new String[] { "healthHistory(" + WEEK + ") { at cpuLoad }",
				"onlineHistory(" + WEEK + ") { at online }",
				"throughputHistory(" + WEEK + ", granularity: FIVE_MINUTES) { at rxBitsPerSecond }" }) {
			assertThat(codes(execute(this.viewer, "{ routers(first: 100) { edges { node { id " + history + " } } } }")))
				.as(history)
				.containsExactly("MAX_COST_EXCEEDED");
		}
	}

	@Test
	void shouldRefuseAWeekOfMinutesRepeatedUnderAliases() {
		String router = "router(id: \"" + UUID.randomUUID() + "\") { onlineHistory(" + WEEK
				+ ", granularity: MINUTE) { at online onlineMax } }";
		assertThat(codes(execute(this.viewer, "{ " + aliasesOf(router, 6) + " }")))
			.containsExactly("MAX_COST_EXCEEDED");
	}

	@Test
	void shouldPriceTheWebClientsRouterHistoryWithinTheCeiling() {
		// the router page's document (web-client/src/routers/historyDocuments.ts), 24
		// hours
		String document = """
				query RouterHistory($id: ID!, $from: DateTime!, $to: DateTime!, $granularity: HealthGranularity,
				    $usageGranularity: UsageGranularity) {
				  router(id: $id) { id
				    healthHistory(from: $from, to: $to, granularity: $granularity) {
				      at samples reachableSamples cpuLoad cpuLoadMax freeMemoryPerMille uptimeSeconds }
				    onlineHistory(from: $from, to: $to, granularity: $granularity) { at online onlineMax }
				    throughputHistory(from: $from, to: $to, granularity: $usageGranularity) {
				      at rxBitsPerSecond txBitsPerSecond } } }""";
		GraphQlResponse response = this.viewer.document(document)
			.variable("id", UUID.randomUUID().toString())
			.variable("from", NOW.minus(Duration.ofDays(1)).toString())
			.variable("to", NOW.toString())
			.variable("granularity", "MINUTE")
			.variable("usageGranularity", "FIVE_MINUTES")
			.execute()
			.returnResponse();

		assertThat(codes(response)).containsExactly("NOT_FOUND");
		// 1,441 + 1,441 minute points and 289 five-minute buckets, a leaf each
		assertThat(points(response)).isBetween(318L, 400L);
	}

	@Test
	void shouldRefuseTheNewestConnectionsFannedOut() {
		assertThat(codes(execute(this.viewer,
				"{ " + aliasesOf("onlineSessions(first: 100) { edges { node { id username } } }", 25) + " }")))
			.containsExactly("MAX_COST_EXCEEDED");
		assertThat(codes(execute(this.viewer,
				"{ " + aliasesOf("sessionHistory(first: 100) { edges { node { id } } }", 25) + " }")))
			.containsExactly("MAX_COST_EXCEEDED");
		assertThat(codes(execute(this.viewer,
				"{ subscribers(first: 100) { edges { node { id "
						+ "sessions(first: 100) { edges { node { id } } } } } } }")))
			.containsExactly("MAX_COST_EXCEEDED");
		assertThat(codes(execute(this.viewer,
				"{ subscribers(first: 100) { edges { node { id usage(" + WEEK
						+ ", granularity: HOUR, first: 100) { points { start counters { rxBytes } } } } } } }")))
			.containsExactly("MAX_COST_EXCEEDED");
		assertThat(
				codes(execute(this.viewer, "{ " + aliasesOf("reports(limit: 100) { id chart { label } }", 31) + " }")))
			.containsExactly("MAX_ALIASES_EXCEEDED");
	}

	@SuppressWarnings("unchecked")
	private static long points(GraphQlResponse response) {
		Map<String, Object> cost = (Map<String, Object>) response.getExtensions().get("cost");
		assertThat(cost).as("the response's cost").isNotNull();
		return ((Number) cost.get("requested")).longValue();
	}

}
