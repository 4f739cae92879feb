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
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.health.HealthGranularity;
import io.towerline.core.health.HealthHistory;
import io.towerline.core.health.HealthPoint;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.RouterHealthCheck;
import io.towerline.core.router.RouterStatus;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Changed;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.ReservedPort;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Alerts, health history and self-healing against the simulated router. Each test steps
 * its own instants through the sweep (the scheduled sweep is out of the way), so hold
 * downs of minutes take no time.
 */
@SpringBootTest
@RecordApplicationEvents
class AlertTests extends DatabaseTest {

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

	RouterOsSimulator simulator;

	int port;

	@Nullable ReservedPort down;

	TenantId tenant;

	UUID routerId;

	Instant start;

	@BeforeEach
	void tenantWithRouter() {
		this.simulator = simulator(0);
		this.port = this.simulator.port();
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("alerts"));
		this.onboarding.onboard(this.tenant.slug(), "Alerts", RateLimitTier.STARTER);
		this.routerId = inTenant(() -> this.routers
			.create(RouterDetails.of("edge-1", "127.0.0.1", this.port, false, null, null, "api"), "router-pass")
			.id());
		// whole minutes an hour back: the sweeps' instants stay behind the real clock
		// that
		// stamps acknowledgements and retries, so histories read in order
		this.start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
	}

	@AfterEach
	void stop() {
		this.simulator.close();
		ReservedPort held = this.down;
		if (held != null) {
			held.close();
		}
	}

	/** The router goes away; nothing else may answer on its port meanwhile. */
	private void takeDown() {
		this.simulator.close();
		this.down = ReservedPort.hold(this.port);
	}

	/**
	 * The router starts again on its port (a fresh simulator: nothing on it survives).
	 */
	private void bringUp() {
		ReservedPort held = this.down;
		if (held != null) {
			held.close();
			this.down = null;
		}
		this.simulator = simulator(this.port);
	}

	@Test
	void shouldSeedTheDefaultRulesForEveryTenant() {
		assertThat(inTenant(() -> this.rules.list())).extracting(AlertRule::type)
			.containsExactlyInAnyOrder(AlertRuleType.values());
	}

	@Test
	void shouldOpenOneAlertForAnOverloadedRouterNotifyOnceAndResolveWhenTheLoadDrops() {
		this.simulator.cpuLoad(97);
		for (int minute = 0; minute < 5; minute++) {
			sweepAt(minute);
			assertThat(unresolved(AlertRuleType.CPU_HIGH)).as("minute %d: before the 5 min hold", minute).isEmpty();
		}
		sweepAt(5);
		assertThat(unresolved(AlertRuleType.CPU_HIGH)).singleElement().satisfies((alert) -> {
			assertThat(alert.state()).isEqualTo(AlertState.OPEN);
			assertThat(alert.summary()).contains("97%");
			assertThat(alert.routerId()).isEqualTo(this.routerId);
		});
		sweepAt(6);
		sweepAt(7);
		assertThat(events(AlertEvents.OPENED)).hasSize(1);

		this.simulator.cpuLoad(4);
		sweepAt(8);
		sweepAt(11);
		assertThat(unresolved(AlertRuleType.CPU_HIGH)).as("within the 5 min clear hold").hasSize(1);
		sweepAt(12);
		assertThat(unresolved(AlertRuleType.CPU_HIGH)).isEmpty();
		assertThat(events(AlertEvents.OPENED)).hasSize(1);
		assertThat(events(AlertEvents.RESOLVED)).singleElement()
			.satisfies((event) -> assertThat(event.data()).containsEntry("ruleType", "CPU_HIGH")
				.containsEntry("notify", "true"));
		Alert resolved = inTenant(() -> this.alerts
			.list(new AlertFilter(List.of(AlertState.RESOLVED), null, null, this.routerId), ScrollPosition.keyset(), 10)
			.getContent()
			.get(0));
		assertThat(inTenant(() -> this.alerts.history(resolved.id()))).extracting(AlertHistoryEntry::kind)
			.containsExactly(AlertHistoryEntry.OPENED, AlertHistoryEntry.RESOLVED);
		assertThat(resolved.resolvedBy()).isEqualTo("system:alerts");
	}

	@Test
	void shouldOpenOneAlertForLowMemoryAndKeepItAcknowledgedUntilItClears() {
		this.simulator.freeMemory(50_000_000L);
		for (int minute = 0; minute <= 5; minute++) {
			sweepAt(minute);
		}
		Alert alert = unresolved(AlertRuleType.MEMORY_LOW).get(0);
		inTenant(() -> this.alerts.acknowledge(alert.id(), "looking at it", Actor.user("ops")));
		sweepAt(6);
		assertThat(unresolved(AlertRuleType.MEMORY_LOW)).singleElement().satisfies((acknowledged) -> {
			assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
			assertThat(acknowledged.acknowledgedBy()).isEqualTo("user:ops");
			assertThat(acknowledged.acknowledgementNote()).isEqualTo("looking at it");
		});
		this.simulator.freeMemory(null);
		sweepAt(7);
		sweepAt(12);
		assertThat(unresolved(AlertRuleType.MEMORY_LOW)).isEmpty();
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> inTenant(() -> this.alerts.acknowledge(alert.id(), null, Actor.user("ops"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_STATE));
	}

	@Test
	void shouldRaiseOneAlertForAFlappingRouterNotOnePerFlap() {
		for (int minute = 0; minute < 12; minute++) {
			if (minute % 2 == 0) {
				takeDown();
			}
			else {
				bringUp();
				// each start is a fresh boot: the uptime goes back every time
				this.simulator.uptime(Duration.ofSeconds(100 - minute));
			}
			sweepAt(minute);
		}
		assertThat(events(AlertEvents.OPENED))
			.filteredOn((event) -> event.data().get("ruleType").equals("ROUTER_UNREACHABLE"))
			.hasSize(1);
		assertThat(events(AlertEvents.OPENED))
			.filteredOn((event) -> event.data().get("ruleType").equals("ROUTER_REBOOTED"))
			.as("every restart of the simulator is a reboot; one alert while they keep coming")
			.hasSize(1);
		assertThat(unresolved(AlertRuleType.ROUTER_UNREACHABLE)).hasSize(1);

		// up since minute 11 and stays up: resolves once the clear hold (5 min) has
		// passed
		// without a flap
		for (int minute = 12; minute <= 17; minute++) {
			sweepAt(minute);
		}
		assertThat(unresolved(AlertRuleType.ROUTER_UNREACHABLE)).isEmpty();
		assertThat(events(AlertEvents.RESOLVED))
			.filteredOn((event) -> event.data().get("ruleType").equals("ROUTER_UNREACHABLE"))
			.hasSize(1);
	}

	@Test
	void shouldCheckDriftAfterARebootAndRepairTheRouterWhenAutomaticRepairIsOn() {
		UUID planId = inTenant(
				() -> this.plans.create(PlanDetails.of("Home 20", "home-20", RateLimit.parse("5M/20M"), null)).id());
		provisioned("alice", "secret-1", planId);
		inTenant(() -> this.driftReports.changeAutomaticRepair(true, Actor.user("admin")));
		sweepAt(0);

		reboot();
		sweepAt(1);

		Alert rebooted = unresolved(AlertRuleType.ROUTER_REBOOTED).get(0);
		assertThat(rebooted.summary()).contains("rebooted");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.simulator.secret("alice")).isPresent());
		assertThat(this.simulator.secret("alice").orElseThrow()).containsEntry("password", "secret-1")
			.containsEntry("profile", "home-20");
		assertThat(this.simulator.profile("home-20")).isPresent();
		assertThat(inTenant(() -> this.alerts.history(rebooted.id())))
			.filteredOn((entry) -> entry.kind().equals(AlertHistoryEntry.AUTOMATIC_ACTION))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("system:self-healing");
				assertThat(entry.note()).contains("rebooted").contains("2 missing").contains("pushed them back");
			});
		assertThat(commandLogActors(SelfHealing.DRIFT_CHECK_ACTION)).containsExactly("system:self-healing");
		assertThat(commandLogActors("/ppp/secret/print")).contains("system:self-healing");
	}

	@Test
	void shouldCheckDriftAfterARebootButLeaveTheRouterAloneWhenAutomaticRepairIsOff() {
		UUID planId = inTenant(
				() -> this.plans.create(PlanDetails.of("Home 30", "home-30", RateLimit.parse("5M/30M"), null)).id());
		provisioned("bob", "secret-2", planId);
		sweepAt(0);

		reboot();
		sweepAt(1);

		Alert rebooted = unresolved(AlertRuleType.ROUTER_REBOOTED).get(0);
		assertThat(inTenant(() -> this.alerts.history(rebooted.id())))
			.filteredOn((entry) -> entry.kind().equals(AlertHistoryEntry.AUTOMATIC_ACTION))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.note()).contains("automatic repair is off"));
		assertThat(this.simulator.secret("bob")).isEmpty();
		assertThat(inTenant(
				() -> this.operations.list(OperationStatus.QUEUED, null, ScrollPosition.keyset(), 10).getContent()))
			.isEmpty();
	}

	@Test
	void shouldCheckDriftWhenARouterComesBackAfterBeingUnreachable() {
		sweepAt(0);
		takeDown();
		sweepAt(1);
		bringUp();
		List<AlertSweeper.TenantSweep> sweeps = List.of(sweepAt(2));
		assertThat(sweeps.get(0).transitions()).singleElement().satisfies((transition) -> {
			assertThat(transition.routerId()).isEqualTo(this.routerId);
			assertThat(transition.cameBack()).isTrue();
		});
		assertThat(commandLogActors(SelfHealing.DRIFT_CHECK_ACTION)).containsExactly("system:self-healing");
	}

	@Test
	void shouldEscalateAFailedOperationAndResolveItWhenRetriedInBulk() {
		UUID planId = inTenant(
				() -> this.plans.create(PlanDetails.of("Home 40", "home-40", RateLimit.parse("5M/40M"), null)).id());
		UUID operationId = provisioned("carol", "secret-3", planId);
		this.jdbc
			.sql("UPDATE " + this.tenant.schemaName()
					+ ".router_operation SET status = 'FAILED', last_error = 'ROUTER_TRAP: no such item' WHERE id = ?")
			.param(operationId)
			.update();

		sweepAtInstant(Instant.now());
		Alert escalation = unresolved(AlertRuleType.OPERATION_FAILED).get(0);
		assertThat(escalation.objectId()).isEqualTo(operationId);
		assertThat(escalation.severity()).isEqualTo(AlertSeverity.CRITICAL);
		assertThat(escalation.summary()).contains("FAILED").contains("no such item");
		assertThat(events(AlertEvents.OPENED)).singleElement()
			.satisfies((event) -> assertThat(event.data()).containsEntry("objectId", operationId.toString()));

		OperationRetries.Outcome outcome = inTenant(
				() -> this.retries.retry(List.of(operationId, UUID.randomUUID()), Actor.user("ops")));
		assertThat(outcome.retried()).extracting((operation) -> operation.id()).containsExactly(operationId);
		assertThat(outcome.errors()).singleElement().extracting(FieldError::code).isEqualTo(ErrorCode.NOT_FOUND);
		awaitStatus(operationId, OperationStatus.SUCCEEDED);
		sweepAtInstant(Instant.now());
		assertThat(unresolved(AlertRuleType.OPERATION_FAILED)).isEmpty();
		assertThat(inTenant(() -> this.alerts.history(escalation.id()))).extracting(AlertHistoryEntry::kind)
			.containsExactly(AlertHistoryEntry.OPENED, AlertHistoryEntry.RETRIED, AlertHistoryEntry.RESOLVED);
		assertThat(inTenant(() -> this.retries.retry(List.of(operationId), Actor.user("ops"))).errors()).singleElement()
			.extracting(FieldError::code)
			.isEqualTo(ErrorCode.INVALID_STATE);
	}

	@Test
	void shouldRunAgainAnOperationLeftRunningWithoutItsJob() {
		UUID planId = inTenant(
				() -> this.plans.create(PlanDetails.of("Home 50", "home-50", RateLimit.parse("5M/50M"), null)).id());
		UUID operationId = provisioned("dave", "secret-4", planId);
		this.access.client(inTenant(() -> this.routers.get(this.routerId))).pppSecrets().remove("dave");
		// what a replica that died between the router's answer and the end of its job
		// leaves
		this.jdbc
			.sql("UPDATE " + this.tenant.schemaName() + ".router_operation SET status = 'RUNNING', finished_at = null,"
					+ " updated_at = now() - interval '1 hour' WHERE id = ?")
			.param(operationId)
			.update();
		assertThat(this.jdbc.sql("SELECT count(*) FROM public.scheduled_tasks WHERE task_instance = ?")
			.param(this.tenant.slug() + ":" + operationId)
			.query(Long.class)
			.single()).isZero();

		AlertSweeper.TenantSweep sweep = sweepAtInstant(Instant.now());

		assertThat(sweep.rerun()).containsExactly(operationId);
		awaitStatus(operationId, OperationStatus.SUCCEEDED);
		assertThat(this.simulator.secret("dave")).isPresent();
		assertThat(commandLogActors(SelfHealing.RERUN_ACTION)).containsExactly("system:self-healing");
		assertThat(sweepAtInstant(Instant.now()).rerun()).isEmpty();
	}

	@Test
	void shouldAlertOnAFailedBackupUntilTheNextBackupSucceeds() {
		publish("backup.failed", Map.of("error", "disk full"));
		sweepAt(0);
		assertThat(unresolved(AlertRuleType.BACKUP_FAILED)).singleElement()
			.satisfies((alert) -> assertThat(alert.summary()).contains("disk full"));
		publish("backup.completed", Map.of());
		sweepAt(1);
		assertThat(unresolved(AlertRuleType.BACKUP_FAILED)).isEmpty();
	}

	@Test
	void shouldAlertOnAnOutdatedRouterOsVersion() {
		AlertRule outdated = inTenant(() -> this.rules.list()
			.stream()
			.filter((rule) -> rule.type() == AlertRuleType.ROUTEROS_OUTDATED)
			.findFirst()
			.orElseThrow());
		inTenant(() -> this.rules.update(outdated.id(), draft(outdated, "7.20"), Actor.user("admin")));
		sweepAt(0);
		assertThat(unresolved(AlertRuleType.ROUTEROS_OUTDATED)).singleElement()
			.satisfies((alert) -> assertThat(alert.summary()).contains("older than 7.20"));
		inTenant(() -> this.rules.update(outdated.id(), draft(outdated, "7.19"), Actor.user("admin")));
		sweepAt(1);
		assertThat(unresolved(AlertRuleType.ROUTEROS_OUTDATED)).isEmpty();
	}

	@Test
	void shouldRefuseInvalidRulesWithOneCodedErrorPerProblem() {
		AlertRuleDraft invalid = new AlertRuleDraft(AlertRuleType.CPU_HIGH, "CPU above 90%", AlertSeverity.WARNING,
				true, UUID.randomUUID(), null, Duration.ofSeconds(-1), Duration.ofDays(8), Duration.ofMinutes(5), "7.1",
				false);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> inTenant(() -> this.rules.create(invalid, Actor.user("admin"))))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field, FieldError::code)
				.containsExactlyInAnyOrder(tuple("name", ErrorCode.DUPLICATE),
						tuple("threshold", ErrorCode.VALIDATION_FAILED),
						tuple("forSeconds", ErrorCode.VALIDATION_FAILED),
						tuple("clearSeconds", ErrorCode.VALIDATION_FAILED),
						tuple("windowSeconds", ErrorCode.VALIDATION_FAILED),
						tuple("minimumVersion", ErrorCode.VALIDATION_FAILED), tuple("routerId", ErrorCode.NOT_FOUND)));
	}

	@Test
	void shouldKeepRulesAndAlertsOfOneTenantAwayFromAnother() {
		this.simulator.cpuLoad(99);
		for (int minute = 0; minute <= 5; minute++) {
			sweepAt(minute);
		}
		Alert alert = unresolved(AlertRuleType.CPU_HIGH).get(0);
		AlertRule rule = inTenant(
				() -> this.rules.create(
						new AlertRuleDraft(AlertRuleType.CPU_HIGH, "Core CPU", AlertSeverity.CRITICAL, true,
								this.routerId, 70, Duration.ZERO, Duration.ZERO, null, null, true),
						Actor.user("admin")));

		TenantId other = TenantId.of(TestDatabase.uniqueSlug("alerts-b"));
		this.onboarding.onboard(other.slug(), "Other", RateLimitTier.STARTER);
		TenantContext.runAs(other, () -> {
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.alerts.get(alert.id()));
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.rules.get(rule.id()));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.alerts.acknowledge(alert.id(), null, Actor.user("intruder")));
			assertThat(this.alerts.count(AlertFilter.all())).isZero();
			assertThat(this.rules.list()).extracting(AlertRule::name).doesNotContain("Core CPU");
		});
		this.sweeper.sweep(other, at(6));
		TenantContext.runAs(other, () -> assertThat(this.alerts.count(AlertFilter.all())).isZero());
		assertThat(inTenant(() -> this.alerts.get(alert.id()).state())).isEqualTo(AlertState.OPEN);
	}

	@Test
	void shouldKeepMinuteSamplesAndRollFinishedHoursUp() {
		Instant hour = this.start.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		this.simulator.cpuLoad(20);
		this.simulator.uptime(Duration.ofHours(5));
		sweepAtInstant(hour.plus(Duration.ofMinutes(58)));
		this.simulator.cpuLoad(60);
		sweepAtInstant(hour.plus(Duration.ofMinutes(59)));
		takeDown();
		sweepAtInstant(hour.plus(Duration.ofMinutes(60)));

		List<HealthPoint> minutes = inTenant(() -> this.history.history(this.routerId, hour,
				hour.plus(Duration.ofHours(2)), HealthGranularity.MINUTE));
		assertThat(minutes).extracting(HealthPoint::at, HealthPoint::reachableSamples, HealthPoint::cpuLoad)
			.containsExactly(tuple(hour.plus(Duration.ofMinutes(58)), 1, 20),
					tuple(hour.plus(Duration.ofMinutes(59)), 1, 60), tuple(hour.plus(Duration.ofMinutes(60)), 0, null));
		assertThat(minutes.get(0).freeMemoryPerMille()).isEqualTo(673);
		assertThat(minutes.get(0).uptimeSeconds()).isEqualTo(Duration.ofHours(5).toSeconds());

		List<HealthPoint> hours = inTenant(() -> this.history.history(this.routerId, hour,
				hour.plus(Duration.ofHours(2)), HealthGranularity.HOUR));
		assertThat(hours)
			.extracting(HealthPoint::at, HealthPoint::samples, HealthPoint::reachableSamples, HealthPoint::cpuLoad,
					HealthPoint::cpuLoadMax)
			.containsExactly(tuple(hour, 2, 2, 40, 60), tuple(hour.plus(Duration.ofHours(1)), 1, 0, null, null));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> inTenant(() -> this.history
			.history(this.routerId, hour, hour.plus(Duration.ofDays(8)), HealthGranularity.MINUTE)));
	}

	private AlertRuleDraft draft(AlertRule rule, String minimumVersion) {
		return new AlertRuleDraft(rule.type(), rule.name(), rule.severity(), true, null, null, rule.forDuration(),
				rule.clearDuration(), null, minimumVersion, rule.notifyOnResolve());
	}

	private void publish(String type, Map<String, String> data) {
		TenantContext.runAs(this.tenant,
				() -> this.transactions.executeWithoutResult((tx) -> this.publisher.publishEvent(TenantEvent
					.of(this.tenant, type, this.routerId.toString(), Actor.system("backup"), Instant.now(), data))));
	}

	private UUID provisioned(String username, String password, UUID planId) {
		Changed created = inTenant(() -> this.subscribers.create(new SubscriberDraft(username, password, planId,
				this.routerId, null, SubscriberProfile.of(null, null, null, null, null, null)), Actor.of("user:test")));
		awaitStatus(created.operation().id(), OperationStatus.SUCCEEDED);
		return created.operation().id();
	}

	/**
	 * Restarts the router with its secrets and profiles wiped (a reset), on the same
	 * port.
	 */
	private void reboot() {
		takeDown();
		bringUp();
		this.simulator.uptime(Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> TenantContext.callAs(this.tenant, () -> this.healthCheck.check(this.routerId))
				.health()
				.status() == RouterStatus.ONLINE);
	}

	private AlertSweeper.TenantSweep sweepAt(int minute) {
		return sweepAtInstant(at(minute));
	}

	private AlertSweeper.TenantSweep sweepAtInstant(Instant now) {
		Router checked = TenantContext.callAs(this.tenant, () -> this.healthCheck.check(this.routerId));
		assertThat(checked.health().status()).isNotEqualTo(RouterStatus.UNKNOWN);
		return this.sweeper.sweep(this.tenant, now);
	}

	private Instant at(int minute) {
		return this.start.plus(Duration.ofMinutes(minute));
	}

	private List<Alert> unresolved(AlertRuleType type) {
		return inTenant(() -> this.alerts
			.list(new AlertFilter(List.of(AlertState.OPEN, AlertState.ACKNOWLEDGED), null, null, null),
					ScrollPosition.keyset(), 100)
			.getContent()
			.stream()
			.filter((alert) -> alert.ruleType() == type)
			.toList());
	}

	private List<TenantEvent> events(String type) {
		return this.events.stream(TenantEvent.class)
			.filter((event) -> event.tenant().equals(this.tenant) && event.type().equals(type))
			.toList();
	}

	private List<String> commandLogActors(String command) {
		return this.jdbc
			.sql("SELECT actor FROM " + this.tenant.schemaName() + ".router_command_log WHERE action = ? ORDER BY at")
			.param(command)
			.query(String.class)
			.list();
	}

	private void awaitStatus(UUID operationId, OperationStatus status) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(inTenant(() -> this.operations.get(operationId).status())).isEqualTo(status));
	}

	private static RouterOsSimulator simulator(int port) {
		return RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(0)
			.port(port)
			.start();
	}

	private <T> T inTenant(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, () -> this.transactions.execute((tx) -> work.get()));
	}

}
