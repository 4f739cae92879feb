package io.towerline.api.isolation;

import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B registers the address of tenant A's router with a guessed password and keeps
 * trying it (ADR 0207): A's open connection to its router stays open and keeps serving A
 * — B's failures neither close it nor stand in for it.
 */
class SharedRouterAddressIsolationTests extends ApiTest {

	private static final String TEST_CONNECTION = """
			mutation($id: ID!) { testRouterConnection(input: { id: $id }) { reachable } }""";

	NetworkFixture network;

	HttpGraphQlTester adminB;

	@BeforeEach
	void twoTenants() {
		this.network = NetworkFixture.create(as(TestTokens.forTenant(newTenant("addr-a").slug(), "TENANT_ADMIN")),
				"addr-a-1");
		this.adminB = as(TestTokens.forTenant(newTenant("addr-b").slug(), "TENANT_ADMIN"));
	}

	@AfterEach
	void close() {
		this.network.close();
	}

	@Test
	void shouldKeepATenantsRouterConnectionWhenAnotherTenantNamesItsAddress() {
		assertThat(reachable(this.network.graphQl(), this.network.routerId())).isTrue();
		int openForA = this.network.simulator().openConnections();
		assertThat(openForA).isPositive();

		String routerOfB = this.adminB.documentName("createRouter")
			.variable("input",
					Map.of("name", "copy-of-a", "host", "127.0.0.1", "port", this.network.simulator().port(),
							"username", "api", "password", "guessed-pass", "verifyConnection", false))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(reachable(this.adminB, routerOfB)).isFalse();
		}

		// A's connection was neither closed nor replaced: A is served on it, no new login
		assertThat(this.network.simulator().openConnections()).isEqualTo(openForA);
		assertThat(reachable(this.network.graphQl(), this.network.routerId())).isTrue();
		assertThat(this.network.simulator().openConnections()).isEqualTo(openForA);
	}

	private static boolean reachable(HttpGraphQlTester tester, String routerId) {
		return tester.document(TEST_CONNECTION)
			.variable("id", routerId)
			.execute()
			.path("testRouterConnection.reachable")
			.entity(Boolean.class)
			.get();
	}

}
