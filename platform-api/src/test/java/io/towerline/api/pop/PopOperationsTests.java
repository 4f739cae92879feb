package io.towerline.api.pop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PopOperationsTests extends ApiTest {

	String operator;

	@BeforeEach
	void tenant() {
		TenantId tenant = newTenant("pops");
		this.operator = TestTokens.forTenant(tenant.slug(), "OPERATOR");
	}

	@Test
	void shouldCreateReadUpdateAndDelete() {
		Map<String, Object> input = new HashMap<>(Map.of("name", "  Water Tower ", "address", "Hill 3", "latitude",
				-1.2921, "longitude", 36.8219, "notes", "Key under the mat"));
		String id = as(this.operator).documentName("createPop")
			.variable("input", input)
			.execute()
			.path("createPop.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("createPop.pop.name")
			.entity(String.class)
			.isEqualTo("Water Tower")
			.path("createPop.pop.coordinates.latitude")
			.entity(Double.class)
			.isEqualTo(-1.2921)
			.path("createPop.pop.id")
			.entity(String.class)
			.get();

		as(this.operator).documentName("updatePop")
			.variable("input", Map.of("id", id, "name", "Water Tower North", "address", "Hill 3"))
			.execute()
			.path("updatePop.pop.name")
			.entity(String.class)
			.isEqualTo("Water Tower North")
			.path("updatePop.pop.coordinates")
			.valueIsNull()
			.path("updatePop.pop.notes")
			.valueIsNull();

		as(this.operator).documentName("deletePop")
			.variable("id", id)
			.execute()
			.path("deletePop.deletedId")
			.entity(String.class)
			.isEqualTo(id);

		as(this.operator).documentName("pop")
			.variable("id", id)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

	@Test
	void shouldReturnFieldErrorsAndCreateNothing() {
		as(this.operator).documentName("createPop")
			.variable("input", Map.of("name", "", "address", "Somewhere", "latitude", 95.0))
			.execute()
			.path("createPop.pop")
			.valueIsNull()
			.path("createPop.errors[*].field")
			.entityList(String.class)
			.containsExactly("name", "longitude")
			.path("createPop.errors[*].code")
			.entityList(String.class)
			.containsExactly("VALIDATION_FAILED", "VALIDATION_FAILED");
		as(this.operator).documentName("pops")
			.variable("first", 10)
			.execute()
			.path("pops.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void shouldReportDuplicateName() {
		create("Depot");
		as(this.operator).documentName("createPop")
			.variable("input", Map.of("name", "DEPOT", "address", "Other"))
			.execute()
			.path("createPop.errors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE");
	}

	@Test
	void shouldPageForwardAndBackwardByName() {
		List.of("Echo", "Alpha", "Delta", "Charlie", "Bravo").forEach(this::create);

		var firstPage = as(this.operator).documentName("pops").variable("first", 2).execute();
		firstPage.path("pops.edges[*].node.name").entityList(String.class).containsExactly("Alpha", "Bravo");
		firstPage.path("pops.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String after = firstPage.path("pops.pageInfo.endCursor").entity(String.class).get();

		var secondPage = as(this.operator).documentName("pops").variable("first", 2).variable("after", after).execute();
		secondPage.path("pops.edges[*].node.name").entityList(String.class).containsExactly("Charlie", "Delta");
		String after2 = secondPage.path("pops.pageInfo.endCursor").entity(String.class).get();

		as(this.operator).documentName("pops")
			.variable("first", 2)
			.variable("after", after2)
			.execute()
			.path("pops.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("Echo")
			.path("pops.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void shouldRequireABoundedPageSize() {
		expectCode(Map.of(), "PAGE_SIZE_REQUIRED");
		expectCode(Map.of("first", 101), "PAGE_SIZE_INVALID");
		expectCode(Map.of("first", 0), "PAGE_SIZE_INVALID");
	}

	@Test
	void shouldGiveSyntaxAndValidationErrorsACode() {
		as(this.operator).document("{ pops(first: 1) { edges { node { nosuchfield } } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).first()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code",
						"GRAPHQL_VALIDATION_FAILED")));
		as(this.operator).document("{ pops(first: 1) { ")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).first()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "GRAPHQL_PARSE_FAILED")));
	}

	private void expectCode(Map<String, Object> variables, String code) {
		var request = as(this.operator).documentName("pops");
		for (var entry : variables.entrySet()) {
			request = request.variable(entry.getKey(), entry.getValue());
		}
		request.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", code)));
	}

	private void create(String name) {
		as(this.operator).documentName("createPop")
			.variable("input", Map.of("name", name, "address", name + " road"))
			.execute()
			.path("createPop.errors")
			.entityList(Object.class)
			.hasSize(0);
	}

}
