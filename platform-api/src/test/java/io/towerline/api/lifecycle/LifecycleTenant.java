package io.towerline.api.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant with a lifecycle policy (notices 7, 3 and 1 days ahead, two days' grace on a
 * grace plan) and subscribers written straight to its tables, on a router that does not
 * answer: what the evaluation's cost tests start from, without a router operation per
 * subscriber.
 *
 * @param tenant the tenant
 * @param plan the subscribers' plan
 * @param router the router they are on
 */
record LifecycleTenant(TenantId tenant, UUID plan, UUID router) {

	/** Plans, policy and router for {@code tenant}, set up as its {@code admin}. */
	static LifecycleTenant create(TenantId tenant, HttpGraphQlTester admin, JdbcClient jdbc, String profilePrefix) {
		String plan = LifecycleFlowTests.createPlan(admin, "Home", profilePrefix + "-home", "10M");
		String grace = LifecycleFlowTests.createPlan(admin, "Grace", profilePrefix + "-grace", "1M");
		LifecycleFlowTests.setPolicy(admin, grace, List.of(7, 3, 1), 2);
		UUID router = jdbc
			.sql("INSERT INTO " + tenant.schemaName() + ".router (id, name, host, port, api_ssl,"
					+ " username, credential_ref, status, created_at, updated_at) VALUES (gen_random_uuid(), 'r',"
					+ " '127.0.0.1', 1, false, 'api', 'none', 'UNREACHABLE', now(), now()) RETURNING id")
			.query(UUID.class)
			.single();
		return new LifecycleTenant(tenant, UUID.fromString(plan), router);
	}

	/**
	 * Adds {@code count} active subscribers named {@code prefix1} … with e-mail
	 * addresses; the first expires on {@code firstExpiry}, each next one
	 * {@code daysApart} later; none has an expiry when {@code firstExpiry} is null.
	 */
	void addSubscribers(JdbcClient jdbc, String prefix, int count, @Nullable LocalDate firstExpiry, int daysApart) {
		jdbc.sql("INSERT INTO " + this.tenant.schemaName() + ".subscriber (id, username, credential_ref, plan_id,"
				+ " router_id, status, full_name, email, expires_on, deleting, created_at, updated_at, version)"
				+ " SELECT gen_random_uuid(), :prefix || g, 'none', :plan, :router, 'ACTIVE', initcap(:prefix) || ' ' || g,"
				+ " :prefix || g || '@example.net', CAST(:first AS date) + (g - 1) * :apart, false, now(), now(), 0"
				+ " FROM generate_series(1, :n) g")
			.param("prefix", prefix)
			.param("plan", this.plan)
			.param("router", this.router)
			.param("first", firstExpiry)
			.param("apart", daysApart)
			.param("n", count)
			.update();
	}

}
