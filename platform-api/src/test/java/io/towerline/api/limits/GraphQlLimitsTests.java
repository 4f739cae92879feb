package io.towerline.api.limits;

import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each document limit answers with its own code, in the embedded (default) configuration:
 * depth 10, 30 aliases, 5,000 tokens, cost 5,000, introspection on.
 */
class GraphQlLimitsTests extends ApiTest {

	@Test
	void shouldRefuseDeepDocumentsWithMaxDepthExceeded() {
		assertThat(codes(execute(viewer(), deepIntrospection(10)))).isEmpty();
		assertThat(codes(execute(viewer(), deepIntrospection(11)))).containsExactly("MAX_DEPTH_EXCEEDED");
	}

	/**
	 * Introspection types are recursive: the classic way to build a deep document.
	 * {@code __type} is depth 1, {@code name} the deepest.
	 */
	private static String deepIntrospection(int depth) {
		int ofTypes = depth - 4;
		return "{ __type(name: \"Pop\") { fields { type { " + "ofType { ".repeat(ofTypes) + "name"
				+ " }".repeat(ofTypes + 3) + " }";
	}

	@Test
	void shouldRefuseTooManyAliasesWithMaxAliasesExceeded() {
		assertThat(codes(execute(viewer(), "{ " + aliasesOf("me { subject }", 30) + " }"))).isEmpty();
		assertThat(codes(execute(viewer(), "{ " + aliasesOf("me { subject }", 31) + " }")))
			.containsExactly("MAX_ALIASES_EXCEEDED");
	}

	@Test
	void shouldRefuseHugeDocumentsWithMaxTokensExceededAndKeepParseErrorsApart() {
		String huge = "{ me { " + "subject ".repeat(6_000) + "} }";

		assertThat(codes(execute(viewer(), huge))).containsExactly("MAX_TOKENS_EXCEEDED");
		assertThat(codes(execute(viewer(), "{ me { subject }"))).containsExactly("GRAPHQL_PARSE_FAILED");
	}

	@Test
	void shouldRefuseTooExpensiveOperationsWithMaxCostExceededBeforeCharging() {
		// 25 × (1 connection + 100 edges + 100 nodes) + 25 × 100 ids / 10 = 5,275 > 5,000
		GraphQlResponse response = execute(viewer(),
				"{ " + aliasesOf("pops(first: 100) { edges { node { id } } }", 25) + " }");

		assertThat(codes(response)).containsExactly("MAX_COST_EXCEEDED");
		assertThat(response.getErrors().getFirst().getExtensions()).containsEntry("cost", 5_275)
			.containsEntry("maxCost", 5_000);
		assertThat(cost(response)).containsEntry("requested", 5_275).containsEntry("charged", 1);
	}

	@Test
	void shouldRefuseNestedFragmentsByTheFieldsTheyExpandToBeforeRunningThem() {
		// a few hundred characters, 2^24 fields once expanded: within depth, alias and
		// token limits
		StringBuilder bomb = new StringBuilder("{ me { ...f0 } }");
		for (int i = 0; i < 24; i++) {
			bomb.append(" fragment f")
				.append(i)
				.append(" on Me { ...f")
				.append(i + 1)
				.append(" ...f")
				.append(i + 1)
				.append(" }");
		}
		bomb.append(" fragment f24 on Me { subject }");

		GraphQlResponse response = execute(viewer(), bomb.toString());

		assertThat(codes(response)).containsExactly("MAX_COST_EXCEEDED");
		assertThat(response.getErrors().getFirst().getExtensions()).containsEntry("cost", 1 + (1 << 24) / 10 + 1);
		assertThat(cost(response)).containsEntry("charged", 1);
		assertThat((Object) response.getData()).isNull();
	}

	@Test
	void shouldAllowIntrospectionInEmbeddedMode() {
		GraphQlResponse response = execute(viewer(), "{ __schema { queryType { name } } }");

		assertThat(codes(response)).isEmpty();
		assertThat(response.field("__schema.queryType.name").<String>getValue()).isEqualTo("Query");
	}

	@Test
	void shouldReportTheCostOfEveryResponse() {
		HttpGraphQlTester viewer = viewer();
		String page = "{ pops(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }";

		Map<String, Object> first = cost(execute(viewer, page));
		Map<String, Object> second = cost(execute(viewer, page));

		// 22 objects and 11 leaves (2 points)
		assertThat(first).containsEntry("requested", 24)
			.containsEntry("charged", 24)
			.containsEntry("limit", 50_000)
			.containsEntry("restoreRate", 500);
		assertThat((Integer) second.get("remaining")).isLessThanOrEqualTo((Integer) first.get("remaining"))
			.isGreaterThan((Integer) first.get("remaining") - 24 - 500);
		assertThat(cost(execute(viewer, "{ me { nope } }"))).containsEntry("requested", 1).containsEntry("charged", 1);
	}

	@Test
	void shouldChargeAliasesAndBatchedRootFieldsPerObject() {
		HttpGraphQlTester viewer = viewer();
		String one = "pops(first: 10) { edges { node { id } } }";

		Map<String, Object> single = cost(execute(viewer, "{ " + one + " }"));
		Map<String, Object> aliased = cost(execute(viewer, "{ " + aliasesOf(one, 20) + " me { subject } }"));

		// 21 objects and 10 leaves (1 point); aliased: 20 × 21 + me, 201 leaves (21
		// points)
		assertThat(single).containsEntry("charged", 22);
		assertThat(aliased).containsEntry("charged", 20 * 21 + 1 + 21);
		assertThat((Integer) aliased.get("remaining")).isLessThan((Integer) single.get("remaining") - 20 * 21 + 500);
	}

	private HttpGraphQlTester viewer() {
		TenantId tenant = newTenant("limits");
		return as(TestTokens.forTenant(tenant.slug(), "VIEWER"));
	}

	static GraphQlResponse execute(HttpGraphQlTester tester, String document) {
		return tester.document(document).execute().returnResponse();
	}

	static List<Object> codes(GraphQlResponse response) {
		return response.getErrors().stream().map(ResponseError::getExtensions).map((e) -> e.get("code")).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cost(GraphQlResponse response) {
		return (Map<String, Object>) response.getExtensions().get("cost");
	}

	static String aliasesOf(String field, int count) {
		StringBuilder aliases = new StringBuilder();
		for (int i = 0; i < count; i++) {
			aliases.append("a").append(i).append(": ").append(field).append(' ');
		}
		return aliases.toString();
	}

}
