package io.towerline.api.operation;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant's router wait: the default is days, a tenant admin may change it within
 * bounds, other roles may only read it, and tenants do not see each other's.
 */
class OperationPolicyGraphQlTests extends ApiTest {

	private static final String READ = "{ operationPolicy { routerWaitSeconds isDefault defaultRouterWaitSeconds } }";

	private static final String SET = "mutation($seconds: Int) { setOperationPolicy(input: {routerWaitSeconds: $seconds}) "
			+ "{ policy { routerWaitSeconds isDefault } errors { field code } } }";

	@Test
	void shouldDefaultToDaysAndLetATenantAdminChangeIt() {
		TenantId tenant = newTenant("policy");
		HttpGraphQlTester admin = as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN"));
		admin.document(READ)
			.execute()
			.path("operationPolicy.isDefault")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("operationPolicy.routerWaitSeconds")
			.entity(Double.class)
			.satisfies((seconds) -> assertThat(seconds).isGreaterThanOrEqualTo(86_400.0));
		admin.document(SET)
			.variable("seconds", 7 * 86_400)
			.execute()
			.path("setOperationPolicy.policy.routerWaitSeconds")
			.entity(Double.class)
			.isEqualTo(604_800.0);
		admin.document(SET)
			.variable("seconds", 0)
			.execute()
			.path("setOperationPolicy.errors[0].code")
			.entity(String.class)
			.isEqualTo("VALIDATION_FAILED");
		as(TestTokens.forTenant(newTenant("policy-b").slug(), "TENANT_ADMIN")).document(READ)
			.execute()
			.path("operationPolicy.isDefault")
			.entity(Boolean.class)
			.isEqualTo(true);
		admin.document(SET)
			.variable("seconds", null)
			.execute()
			.path("setOperationPolicy.policy.isDefault")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void shouldLetOnlyTenantAdminsChangeIt() {
		TenantId tenant = newTenant("policy-op");
		as(TestTokens.forTenant(tenant.slug(), "OPERATOR")).document(SET)
			.variable("seconds", 60)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
		as(TestTokens.forTenant(tenant.slug(), "VIEWER")).document(READ)
			.execute()
			.path("operationPolicy.isDefault")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

}
