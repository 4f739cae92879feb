package io.towerline.api.dashboard;

import java.util.Map;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures: counts over every row (well past a page of 100), each status
 * in its own figure, history and deleted rows left out, and never another tenant's rows.
 * The rows are written straight into the tenant's tables so the figures can be known
 * exactly; the flows that produce them are tested by their features.
 */
class TenantSummaryTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	NetworkFixture network;

	TenantId tenant;

	String schema;

	UUID routerId;

	@BeforeEach
	void network() {
		this.tenant = newTenant("summary");
		this.schema = this.tenant.schemaName();
		this.network = NetworkFixture.create(as(TestTokens.forTenant(this.tenant.slug(), "TENANT_ADMIN")), "edge-d");
		this.routerId = UUID.fromString(this.network.routerId());
	}

	@AfterEach
	void stop() {
		this.network.close();
	}

	@Test
	void shouldCountEveryRowByStatusNotTheFirstPage() {
		sql("UPDATE %s.router SET status = 'ONLINE'");
		router("edge-down", "UNREACHABLE");
		router("edge-refused", "AUTH_FAILED");
		router("edge-new", "UNKNOWN");
		subscribers("act", 130, "ACTIVE", false);
		subscribers("pen", 2, "PENDING", false);
		subscribers("sus", 3, "SUSPENDED", false);
		subscribers("dis", 4, "DISABLED", false);
		subscribers("gone", 5, "ACTIVE", true);
		sql("INSERT INTO %s.subscriber_lifecycle (subscriber_id, state, updated_at) SELECT id, 'GRACE', now() FROM"
				+ " %s.subscriber WHERE username IN ('act-1', 'act-2', 'act-3', 'gone-1')");
		sql("INSERT INTO %s.subscriber_lifecycle (subscriber_id, state, updated_at) SELECT id, 'ACTIVE', now() FROM"
				+ " %s.subscriber WHERE username = 'act-4'");
		operations("QUEUED", 3);
		operations("RUNNING", 1);
		operations("WAITING_FOR_ROUTER", 2);
		operations("FAILED", 101);
		operations("SUCCEEDED", 7);
		UUID old = driftReport("COMPLETED", "2026-01-01T00:00:00Z");
		driftItems(old, "OPEN", 5);
		UUID latest = driftReport("COMPLETED", "2026-01-02T00:00:00Z");
		driftItems(latest, "OPEN", 2);
		driftItems(latest, "IGNORED", 1);
		driftItems(latest, "PUSHED", 1);
		driftReport("FAILED", "2026-01-03T00:00:00Z");
		alerts("OPEN", 2);
		alerts("ACKNOWLEDGED", 1);
		alerts("RESOLVED", 4);
		sessions(3);

		Map<String, Object> summary = summary(this.tenant, "VIEWER");

		assertThat(summary).containsEntry("routers",
				Map.of("total", 4, "online", 1, "unreachable", 1, "authFailed", 1, "unknown", 1));
		assertThat(summary).containsEntry("subscribers",
				Map.of("total", 139, "pending", 2, "active", 130, "inGrace", 3, "suspended", 3, "disabled", 4));
		assertThat(summary).containsEntry("operations",
				Map.of("queued", 3, "running", 1, "waitingForRouter", 2, "failed", 101));
		assertThat(summary).containsEntry("alerts", Map.of("open", 2, "acknowledged", 1));
		assertThat(summary).containsEntry("driftItemsOpen", 2).containsEntry("onlineSessions", 3);
	}

	@Test
	void shouldNeverCountAnotherTenantsRows() {
		subscribers("act", 3, "ACTIVE", false);
		operations("FAILED", 2);
		alerts("OPEN", 1);
		sessions(2);
		TenantId other = newTenant("summary-b");

		Map<String, Object> summary = summary(other, "TENANT_ADMIN");

		assertThat(summary).containsEntry("routers",
				Map.of("total", 0, "online", 0, "unreachable", 0, "authFailed", 0, "unknown", 0));
		assertThat(summary).containsEntry("subscribers",
				Map.of("total", 0, "pending", 0, "active", 0, "inGrace", 0, "suspended", 0, "disabled", 0));
		assertThat(summary).containsEntry("operations",
				Map.of("queued", 0, "running", 0, "waitingForRouter", 0, "failed", 0));
		assertThat(summary).containsEntry("alerts", Map.of("open", 0, "acknowledged", 0));
		assertThat(summary).containsEntry("driftItemsOpen", 0).containsEntry("onlineSessions", 0);
		assertThat(summary(this.tenant, "VIEWER")).containsEntry("onlineSessions", 2);
	}

	@Test
	void shouldSumTheTrafficOfTheOnlineRoutersAndCountThoseThatCannotBeRead() {
		sql("UPDATE %s.router SET status = 'ONLINE'");
		router("edge-gone", "ONLINE");
		router("edge-down", "UNREACHABLE");
		HttpGraphQlTester viewer = as(TestTokens.forTenant(this.tenant.slug(), "VIEWER"));

		Map<String, Object> throughput = viewer.documentName("tenantSummary")
			.operationName("tenantThroughput")
			.execute()
			.path("tenantThroughput")
			.entity(Map.class)
			.get();

		// the fixture's router is read; the other "online" one points nowhere
		assertThat(throughput).containsEntry("routersRead", 1).containsEntry("routersUnreachable", 1);
		HttpGraphQlTester other = as(TestTokens.forTenant(newTenant("summary-c").slug(), "VIEWER"));
		assertThat(other.documentName("tenantSummary")
			.operationName("tenantThroughput")
			.execute()
			.path("tenantThroughput")
			.entity(Map.class)
			.get()).containsEntry("routersRead", 0).containsEntry("routersUnreachable", 0);
	}

	private Map<String, Object> summary(TenantId tenant, String role) {
		@SuppressWarnings("unchecked")
		Map<String, Object> summary = as(TestTokens.forTenant(tenant.slug(), role)).documentName("tenantSummary")
			.operationName("tenantSummary")
			.execute()
			.path("tenantSummary")
			.entity(Map.class)
			.get();
		return summary;
	}

	private void router(String name, String status) {
		// port 9 on loopback: nothing answers there
		this.jdbc
			.sql(("INSERT INTO %s.router (id, name, host, port, api_ssl, username, credential_ref, status, created_at,"
					+ " updated_at) VALUES (?, ?, '127.0.0.1', 9, false, 'api', 'none', ?, now(), now())")
				.formatted(this.schema))
			.params(UUID.randomUUID(), name, status)
			.update();
	}

	private void subscribers(String prefix, int count, String status, boolean deleting) {
		this.jdbc.sql(("INSERT INTO %s.subscriber (id, username, credential_ref, plan_id, router_id, status, deleting,"
				+ " created_at, updated_at) SELECT gen_random_uuid(), ? || '-' || n, 'none', ?, ?, ?, ?, now(), now()"
				+ " FROM generate_series(1, ?) n")
			.formatted(this.schema))
			.params(prefix, UUID.fromString(this.network.planId()), this.routerId, status, deleting, count)
			.update();
	}

	private void operations(String status, int count) {
		this.jdbc
			.sql(("INSERT INTO %s.router_operation (id, kind, router_id, subject, status, attempts, progress_done,"
					+ " progress_total, progress_failed, requested_by, created_at, updated_at, lock_key)"
					+ " SELECT gen_random_uuid(), 'REMOVE_PROFILE', ?, 'p' || n, ?, 0, 0, 1, 0, 'test', now(), now(),"
					+ " 'profile/name:p' || n FROM generate_series(1, ?) n")
				.formatted(this.schema))
			.params(this.routerId, status, count)
			.update();
	}

	private UUID driftReport(String status, String checkedAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql(("INSERT INTO %s.drift_report (id, router_id, checked_at, requested_by, status, router_secrets,"
				+ " platform_subscribers, missing_count, unmanaged_count, different_count, ignored_count, duration_ms)"
				+ " VALUES (?, ?, ?::timestamptz, 'test', ?, 0, 0, 0, 0, 0, 0, 1)")
			.formatted(this.schema)).params(id, this.routerId, checkedAt, status).update();
		return id;
	}

	private void driftItems(UUID reportId, String state, int count) {
		this.jdbc
			.sql(("INSERT INTO %s.drift_item (id, report_id, router_id, object, kind, name, state,"
					+ " password_differs) SELECT gen_random_uuid(), ?, ?, 'SECRET', 'UNMANAGED', 's' || n, ?, false"
					+ " FROM generate_series(1, ?) n")
				.formatted(this.schema))
			.params(reportId, this.routerId, state, count)
			.update();
	}

	private void alerts(String state, int count) {
		this.jdbc
			.sql(("INSERT INTO %s.alert (id, rule_type, rule_name, severity, object_id, router_id, state, summary,"
					+ " opened_at, last_firing_at) SELECT gen_random_uuid(), 'ROUTER_UNREACHABLE', 'down', 'CRITICAL',"
					+ " gen_random_uuid(), ?, ?, 'down', now(), now() FROM generate_series(1, ?) n")
				.formatted(this.schema))
			.params(this.routerId, state, count)
			.update();
	}

	private void sessions(int count) {
		this.jdbc.sql(("INSERT INTO %s.online_session (id, router_id, item_id, username, address, caller_id, service,"
				+ " ppp_session_id, login_at, seen_at) SELECT gen_random_uuid(), ?, '*' || n, 'u' || n, '10.0.0.' || n,"
				+ " '02:00:00:00:00:0' || n, 'pppoe', 'x' || n, now(), now() FROM generate_series(1, ?) n")
			.formatted(this.schema)).params(this.routerId, count).update();
	}

	private void sql(String statement) {
		this.jdbc.sql(statement.replace("%s", this.schema)).update();
	}

}
