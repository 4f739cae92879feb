package io.towerline.api.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the isolation tests read tenant B's answer on tenant A's ids: NOT_FOUND as the one
 * GraphQL error, or, when the field answers with a payload, NOT_FOUND among its errors (a
 * bulk payload's rejected rows included) and nothing accepted.
 */
final class CrossTenantAnswers {

	private CrossTenantAnswers() {
	}

	@SuppressWarnings("unchecked")
	static void assertNotFound(String field, GraphQlTester.Response response) {
		List<ResponseError> errors = new ArrayList<>();
		response.errors().satisfy(errors::addAll);
		if (!errors.isEmpty()) {
			assertThat(errors).as(field)
				.singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND"));
			return;
		}
		Map<String, Object> payload = response.path(field).entity(Map.class).get();
		List<Object> codes = new ArrayList<>();
		((List<Map<String, Object>>) payload.getOrDefault("errors", List.of()))
			.forEach((error) -> codes.add(error.get("code")));
		((List<Map<String, Object>>) payload.getOrDefault("rejected", List.of()))
			.forEach((row) -> ((List<Map<String, Object>>) row.get("errors"))
				.forEach((error) -> codes.add(error.get("code"))));
		assertThat(codes).as(field + " " + payload).contains("NOT_FOUND");
		if (payload.containsKey("accepted")) {
			assertThat(payload.get("accepted")).as(field + " accepted").isEqualTo(0);
		}
	}

}
