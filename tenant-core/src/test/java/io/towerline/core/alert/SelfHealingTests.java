package io.towerline.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.drift.DriftChecks;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.RateLimit;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.ScrollPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Self-healing against the simulated router: a drift check after a reboot (repairing the
 * router when automatic repair is on) or a return, escalation of a failed operation and
 * its bulk retry, and an operation left RUNNING without its job run again.
 */
class SelfHealingTests extends AlertTest {

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
			.untilAsserted(() -> assertThat(this.fixture.simulator().secret("alice")).isPresent());
		assertThat(this.fixture.simulator().secret("alice").orElseThrow()).containsEntry("password", "secret-1")
			.containsEntry("profile", "home-20");
		assertThat(this.fixture.simulator().profile("home-20")).isPresent();
		assertThat(inTenant(() -> this.alerts.history(rebooted.id())))
			.filteredOn((entry) -> entry.kind().equals(AlertHistoryEntry.AUTOMATIC_ACTION))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("system:self-healing");
				assertThat(entry.note()).contains("rebooted").contains("2 missing").contains("pushed them back");
			});
		assertThat(commandLogActors(SelfHealing.DRIFT_CHECK_ACTION)).containsExactly("system:self-healing");
		// the check's reads are routine; what it found is one entry (ADR 0258)
		assertThat(commandLogActors("/ppp/secret/print")).doesNotContain("system:self-healing");
		assertThat(commandLogActors(DriftChecks.DRIFT_FOUND_ACTION)).containsExactly("system:self-healing");
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
		assertThat(this.fixture.simulator().secret("bob")).isEmpty();
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
		assertThat(this.fixture.simulator().secret("dave")).isPresent();
		assertThat(commandLogActors(SelfHealing.RERUN_ACTION)).containsExactly("system:self-healing");
		assertThat(sweepAtInstant(Instant.now()).rerun()).isEmpty();
	}

}
