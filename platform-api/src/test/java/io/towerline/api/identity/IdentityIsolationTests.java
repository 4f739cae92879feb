package io.towerline.api.identity;

import java.util.Map;
import java.util.Set;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.actor.Actor;
import io.towerline.core.identity.ApiClient;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant admin of B acting on tenant A's users and API clients: nothing is visible,
 * every change is NOT_FOUND, and A's objects are untouched.
 */
class IdentityIsolationTests extends ApiTest {

	@Autowired
	UserDirectory users;

	@Autowired
	ApiClientRegistry clients;

	@Test
	void shouldHideAndProtectAnotherTenantsUsers() {
		TenantId a = newTenant("iso");
		TenantId b = newTenant("iso");
		UserAccount user = this.users
			.create(Actor.of("test"), a, "victim-" + a.slug(), "v@example.com", Set.of("OPERATOR"), null)
			.value();
		HttpGraphQlTester adminOfB = as(TestTokens.forTenant(b.slug(), "TENANT_ADMIN"));

		adminOfB.document("{ users(first: 100) { edges { node { id } } } }")
			.execute()
			.path("users.edges")
			.entityList(Object.class)
			.hasSize(0);
		for (String mutation : new String[] { "disableUser", "enableUser", "resetUserPassword" }) {
			adminOfB.document("mutation($id: ID!) { " + mutation + "(input: {id: $id}) { errors { code } } }")
				.variable("id", user.id())
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
		}
		adminOfB.document(
				"mutation($id: ID!) { changeUserRoles(input: {id: $id, roles: [TENANT_ADMIN]}) { errors { code } } }")
			.variable("id", user.id())
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));

		UserAccount after = this.users.get(a, user.id());
		assertThat(after.enabled()).isTrue();
		assertThat(after.roles()).containsExactly("OPERATOR");
		assertThat(after.passwordHash()).isEqualTo(user.passwordHash());
	}

	@Test
	void shouldHideAndProtectAnotherTenantsApiClients() {
		TenantId a = newTenant("iso");
		TenantId b = newTenant("iso");
		ApiClient client = this.clients.create(Actor.of("test"), a, "Billing", Set.of("OPERATOR")).value();
		HttpGraphQlTester adminOfB = as(TestTokens.forTenant(b.slug(), "TENANT_ADMIN"));

		adminOfB.document("{ apiClients(first: 100) { edges { node { id } } } }")
			.execute()
			.path("apiClients.edges")
			.entityList(Object.class)
			.hasSize(0);
		for (String mutation : new String[] { "revokeApiClient", "rotateApiClientSecret" }) {
			adminOfB.document("mutation($id: ID!) { " + mutation + "(input: {id: $id}) { errors { code } } }")
				.variable("id", client.id())
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
		}
		ApiClient after = this.clients.get(a, client.id());
		assertThat(after.revoked()).isFalse();
		assertThat(after.secretHash()).isEqualTo(client.secretHash());
	}

	@Test
	void shouldLetATenantAdminManageOwnUsersAndClients() {
		TenantId tenant = newTenant("iso");
		HttpGraphQlTester admin = as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN"));
		String username = "new-" + tenant.slug();

		String password = admin.document(
				"mutation($input: CreateUserInput!) { createUser(input: $input) { user { id username tenant roles enabled } initialPassword errors { code } } }")
			.variable("input",
					Map.of("username", username, "email", "n@example.com", "roles", new String[] { "VIEWER" }))
			.execute()
			.path("createUser.user.tenant")
			.entity(String.class)
			.isEqualTo(tenant.slug())
			.path("createUser.initialPassword")
			.entity(String.class)
			.get();
		assertThat(password).hasSizeGreaterThanOrEqualTo(24);

		String secret = admin.document(
				"mutation { createApiClient(input: {name: \"Billing\", roles: [OPERATOR]}) { apiClient { clientId revoked requestCount } clientSecret errors { code } } }")
			.execute()
			.path("createApiClient.apiClient.revoked")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("createApiClient.clientSecret")
			.entity(String.class)
			.get();
		assertThat(secret).startsWith("tlcs_");

		admin.document(
				"mutation { createApiClient(input: {name: \"Too strong\", roles: [TENANT_ADMIN]}) { apiClient { id } errors { field code } } }")
			.execute()
			.path("createApiClient.errors[0].code")
			.entity(String.class)
			.isEqualTo("VALIDATION_FAILED");
		admin.document("{ securityEvents(first: 10) { edges { node { type tenant actor subject } } } }")
			.execute()
			.path("securityEvents.edges[*].node.tenant")
			.entityList(String.class)
			.satisfies((tenants) -> assertThat(tenants).isNotEmpty().allMatch(tenant.slug()::equals))
			.path("securityEvents.edges[*].node.type")
			.entityList(String.class)
			.containsExactly("CLIENT_CREATED", "USER_CREATED");
	}

	@Test
	void shouldKeepOtherTenantsEventsFromATenantAdmin() {
		TenantId a = newTenant("iso");
		TenantId b = newTenant("iso");
		this.clients.create(Actor.of("test"), a, "Billing", Set.of("OPERATOR"));
		as(TestTokens.forTenant(b.slug(), "TENANT_ADMIN"))
			.document("query($t: String) { securityEvents(first: 100, tenant: $t) { edges { node { tenant } } } }")
			.variable("t", a.slug())
			.execute()
			.path("securityEvents.edges")
			.entityList(Object.class)
			.hasSize(0);
		as(TestTokens.platformAdmin())
			.document("query($t: String) { securityEvents(first: 100, tenant: $t) { edges { node { tenant type } } } }")
			.variable("t", a.slug())
			.execute()
			.path("securityEvents.edges[*].node.type")
			.entityList(String.class)
			.containsExactly("CLIENT_CREATED");
	}

}
