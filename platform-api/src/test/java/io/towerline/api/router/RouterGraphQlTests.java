package io.towerline.api.router;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Routers through GraphQL: connection tests, write-only passwords, isolation, and plans
 * that leave the routers.
 */
class RouterGraphQlTests extends ApiTest {

	NetworkFixture network;

	HttpGraphQlTester admin;

	@BeforeEach
	void network() {
		TenantId tenant = newTenant("rtr");
		this.admin = as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN"));
		this.network = NetworkFixture.create(this.admin, "core-rtr");
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldTestTheConnectionAndRecordHealth() {
		this.admin.documentName("testRouterConnection")
			.variable("id", this.network.routerId())
			.execute()
			.path("testRouterConnection.reachable")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("testRouterConnection.routerOsVersion")
			.entity(String.class)
			.satisfies((version) -> assertThat(version).startsWith("7.19"))
			.path("testRouterConnection.router.health.status")
			.entity(String.class)
			.isEqualTo("ONLINE");
	}

	@Test
	void shouldRefuseARouterThatRejectsItsCredentialsWithACodedError() {
		this.admin.documentName("createRouter")
			.variable("input",
					Map.of("name", "wrong-pass", "host", "127.0.0.1", "port", this.network.simulator().port(),
							"username", "api", "password", "not-it"))
			.execute()
			.path("createRouter.router")
			.valueIsNull()
			.path("createRouter.errors[0].code")
			.entity(String.class)
			.isEqualTo("ROUTER_AUTH_FAILED")
			.path("createRouter.errors[0].field")
			.entity(String.class)
			.isEqualTo("password");
		this.admin.document("{ routers(first: 100) { edges { node { name } } } }")
			.execute()
			.path("routers.edges[*].node.name")
			.entityList(String.class)
			.doesNotContain("wrong-pass");
	}

	@Test
	void shouldRefuseAnUnreachableRouterUnlessAskedNotToCheck() {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Object> input = Map.of("name", "not-yet-installed", "host", "127.0.0.1", "port", closed, "username",
				"api", "password", "router-pass");
		this.admin.documentName("createRouter")
			.variable("input", input)
			.execute()
			.path("createRouter.errors[0].code")
			.entity(String.class)
			.isEqualTo("ROUTER_UNREACHABLE")
			.path("createRouter.errors[0].field")
			.entity(String.class)
			.isEqualTo("host");
		Map<String, Object> unchecked = new HashMap<>(input);
		unchecked.put("verifyConnection", false);
		this.admin.documentName("createRouter")
			.variable("input", unchecked)
			.execute()
			.path("createRouter.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("createRouter.router.health.status")
			.entity(String.class)
			.isEqualTo("UNKNOWN");
	}

	@Test
	void shouldReportAuthenticationFailureOfAnUncheckedRouterAsTypedError() {
		String wrong = this.admin.documentName("createRouter")
			.variable("input",
					Map.of("name", "wrong-pass", "host", "127.0.0.1", "port", this.network.simulator().port(),
							"username", "api", "password", "not-it", "verifyConnection", false))
			.execute()
			.path("createRouter.router.id")
			.entity(String.class)
			.get();
		this.admin.documentName("testRouterConnection")
			.variable("id", wrong)
			.execute()
			.path("testRouterConnection.reachable")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("testRouterConnection.error.status")
			.entity(String.class)
			.isEqualTo("AUTH_FAILED");
	}

	@Test
	void shouldCheckNewCredentialsBeforeSavingThemAndKeepTheWorkingOnes() {
		this.admin
			.document("mutation($input: UpdateRouterInput!) { updateRouter(input: $input) { router { id } "
					+ "errors { field code } } }")
			.variable("input",
					Map.of("id", this.network.routerId(), "name", "core-rtr", "host", "127.0.0.1", "port",
							this.network.simulator().port(), "username", "api", "password", "typo"))
			.execute()
			.path("updateRouter.router")
			.valueIsNull()
			.path("updateRouter.errors[0].code")
			.entity(String.class)
			.isEqualTo("ROUTER_AUTH_FAILED");
		this.admin.documentName("testRouterConnection")
			.variable("id", this.network.routerId())
			.execute()
			.path("testRouterConnection.reachable")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void shouldNeverReturnThePassword() {
		this.admin.document("query($id: ID!) { router(id: $id) { __typename } }")
			.variable("id", this.network.routerId())
			.execute()
			.path("router.__typename")
			.entity(String.class)
			.isEqualTo("Router");
		this.admin.document("query($id: ID!) { router(id: $id) { password } }")
			.variable("id", this.network.routerId())
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).first()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code",
						"GRAPHQL_VALIDATION_FAILED")));
	}

	@Test
	void shouldNotLetAnotherTenantTestUpdateOrDeleteTheRouter() {
		HttpGraphQlTester other = as(TestTokens.forTenant(newTenant("rtr-b").slug(), "TENANT_ADMIN"));
		for (String mutation : new String[] {
				"mutation($id: ID!) { testRouterConnection(input: {id: $id}) { reachable } }",
				"mutation($id: ID!) { deleteRouter(input: {id: $id}) { deletedId } }",
				"mutation($id: ID!) { updateRouter(input: {id: $id, name: \"x\", host: \"127.0.0.1\", username: \"api\"}) { router { id } } }" }) {
			other.document(mutation)
				.variable("id", this.network.routerId())
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
		}
		this.admin.document("query($id: ID!) { router(id: $id) { name } }")
			.variable("id", this.network.routerId())
			.execute()
			.path("router.name")
			.entity(String.class)
			.isEqualTo("core-rtr");
	}

	@Test
	void shouldRefuseToDeleteAPlanInUseAndRemoveTheProfileOnceUnused() {
		String[] created = this.network.createSubscriber("plan-user", "secret-p1");
		this.network.awaitSucceeded(created[1]);
		assertThat(this.network.simulator().profile("home-20")).isPresent();
		String deletePlan = "mutation($id: ID!) { deletePlan(input: {id: $id}) { deletedId errors { code } } }";
		this.admin.document(deletePlan)
			.variable("id", this.network.planId())
			.execute()
			.path("deletePlan.errors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID_STATE");

		String removal = this.admin
			.document("mutation($id: ID!) { deleteSubscriber(input: {id: $id}) { operation { id } } }")
			.variable("id", created[0])
			.execute()
			.path("deleteSubscriber.operation.id")
			.entity(String.class)
			.get();
		this.network.awaitSucceeded(removal);
		this.admin.document(deletePlan)
			.variable("id", this.network.planId())
			.execute()
			.path("deletePlan.deletedId")
			.entity(String.class)
			.isEqualTo(this.network.planId());
		await().untilAsserted(() -> assertThat(this.network.simulator().profile("home-20")).isEmpty());
	}

}
