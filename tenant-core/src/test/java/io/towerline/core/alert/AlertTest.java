package io.towerline.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.towerline.core.actor.Actor;
import io.towerline.core.drift.DriftReports;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.health.HealthHistory;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plans;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.RouterHealthCheck;
import io.towerline.core.router.RouterStatus;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Changed;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TenantRouterFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the alert tests share: a fresh tenant with router "edge-1" on its own simulator
 * (RouterOS 7.19) that can be taken down and brought up on its port, and sweeps at
 * instants of the test's own (the scheduled sweep is out of the way), so hold-downs of
 * minutes take no time. Subclasses add no annotations, so they share one Spring context.
 */
@SpringBootTest
@RecordApplicationEvents
abstract class AlertTest extends DatabaseTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	AlertSweeper sweeper;

	@Autowired
	Alerts alerts;

	@Autowired
	AlertRules rules;

	@Autowired
	OperationRetries retries;

	@Autowired
	HealthHistory history;

	@Autowired
	RouterHealthCheck healthCheck;

	@Autowired
	Routers routers;

	@Autowired
	Plans plans;

	@Autowired
	Subscribers subscribers;

	@Autowired
	DriftReports driftReports;

	@Autowired
	RouterOperations operations;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	RouterAccess access;

	TenantRouterFixture fixture;

	TenantId tenant;

	UUID routerId;

	Instant start;

	@BeforeEach
	void tenantWithRouter() {
		this.fixture = TenantRouterFixture.start(this.context, "alerts", "edge-1", TenantRouterFixture.v7(0));
		this.tenant = this.fixture.tenant();
		this.routerId = this.fixture.routerId();
		// whole minutes an hour back: the sweeps' instants stay behind the real clock
		// that stamps acknowledgements and retries, so histories read in order
		this.start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
	}

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	/** The router goes away; nothing else may answer on its port meanwhile. */
	void takeDown() {
		this.fixture.takeDown();
	}

	/**
	 * The router starts again on its port (a fresh simulator: nothing on it survives).
	 */
	void bringUp() {
		this.fixture.bringUp();
	}

	AlertRuleDraft draft(AlertRule rule, String minimumVersion) {
		return new AlertRuleDraft(rule.type(), rule.name(), rule.severity(), true, null, null, rule.forDuration(),
				rule.clearDuration(), null, minimumVersion, rule.notifyOnResolve());
	}

	void publish(String type, Map<String, String> data) {
		TenantContext.runAs(this.tenant,
				() -> this.transactions.executeWithoutResult((tx) -> this.publisher.publishEvent(TenantEvent
					.of(this.tenant, type, this.routerId.toString(), Actor.system("backup"), Instant.now(), data))));
	}

	UUID provisioned(String username, String password, UUID planId) {
		Changed created = inTenant(() -> this.subscribers.create(new SubscriberDraft(username, password, planId,
				this.routerId, null, SubscriberProfile.of(null, null, null, null, null, null)), Actor.of("user:test")));
		awaitStatus(created.operation().id(), OperationStatus.SUCCEEDED);
		return created.operation().id();
	}

	/**
	 * Restarts the router with its secrets and profiles wiped (a reset), on the same
	 * port.
	 */
	void reboot() {
		takeDown();
		bringUp();
		this.fixture.simulator().uptime(Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> TenantContext.callAs(this.tenant, () -> this.healthCheck.check(this.routerId))
				.health()
				.status() == RouterStatus.ONLINE);
	}

	AlertSweeper.TenantSweep sweepAt(int minute) {
		return sweepAtInstant(at(minute));
	}

	AlertSweeper.TenantSweep sweepAtInstant(Instant now) {
		Router checked = TenantContext.callAs(this.tenant, () -> this.healthCheck.check(this.routerId));
		assertThat(checked.health().status()).isNotEqualTo(RouterStatus.UNKNOWN);
		return this.sweeper.sweep(this.tenant, now);
	}

	Instant at(int minute) {
		return this.start.plus(Duration.ofMinutes(minute));
	}

	List<Alert> unresolved(AlertRuleType type) {
		return inTenant(() -> this.alerts
			.list(new AlertFilter(List.of(AlertState.OPEN, AlertState.ACKNOWLEDGED), null, null, null),
					ScrollPosition.keyset(), 100)
			.getContent()
			.stream()
			.filter((alert) -> alert.ruleType() == type)
			.toList());
	}

	List<TenantEvent> events(String type) {
		return this.events.stream(TenantEvent.class)
			.filter((event) -> event.tenant().equals(this.tenant) && event.type().equals(type))
			.toList();
	}

	List<String> commandLogActors(String command) {
		return this.jdbc
			.sql("SELECT actor FROM " + this.tenant.schemaName() + ".router_command_log WHERE action = ? ORDER BY at")
			.param(command)
			.query(String.class)
			.list();
	}

	void awaitStatus(UUID operationId, OperationStatus status) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(inTenant(() -> this.operations.get(operationId).status())).isEqualTo(status));
	}

	<T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
