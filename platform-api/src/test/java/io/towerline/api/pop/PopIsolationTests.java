package io.towerline.api.pop;

import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant B acting on tenant A's POP by id gets NOT_FOUND, and A's POP is untouched. */
class PopIsolationTests extends ApiTest {

	TenantId tenantA;

	TenantId tenantB;

	String popOfA;

	@BeforeEach
	void popOfTenantA() {
		this.tenantA = newTenant("iso-a");
		this.tenantB = newTenant("iso-b");
		this.popOfA = as(adminOf(this.tenantA)).documentName("createPop")
			.variable("input", Map.of("name", "Hilltop", "address", "Ridge Road 1", "notes", "A's"))
			.execute()
			.path("createPop.pop.id")
			.entity(String.class)
			.get();
	}

	@Test
	void shouldNotLetAnotherTenantReadThePop() {
		as(adminOf(this.tenantB)).documentName("pop")
			.variable("id", this.popOfA)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
	}

	@Test
	void shouldNotLetAnotherTenantUpdateThePop() {
		as(adminOf(this.tenantB)).documentName("updatePop")
			.variable("input", Map.of("id", this.popOfA, "name", "Stolen", "address", "Elsewhere"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
		assertPopOfAUnchanged();
	}

	@Test
	void shouldNotLetAnotherTenantDeleteThePop() {
		as(adminOf(this.tenantB)).documentName("deletePop")
			.variable("id", this.popOfA)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
		assertPopOfAUnchanged();
	}

	@Test
	void shouldNeverListAnotherTenantsPops() {
		as(adminOf(this.tenantB)).documentName("createPop")
			.variable("input", Map.of("name", "Valley", "address", "River Lane 2"))
			.execute()
			.path("createPop.errors")
			.entityList(Object.class)
			.hasSize(0);
		as(adminOf(this.tenantB)).documentName("pops")
			.variable("first", 100)
			.execute()
			.path("pops.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("Valley");
	}

	private void assertPopOfAUnchanged() {
		as(adminOf(this.tenantA)).documentName("pop")
			.variable("id", this.popOfA)
			.execute()
			.path("pop.name")
			.entity(String.class)
			.isEqualTo("Hilltop")
			.path("pop.address")
			.entity(String.class)
			.isEqualTo("Ridge Road 1");
	}

	private static String adminOf(TenantId tenant) {
		return TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN");
	}

}
