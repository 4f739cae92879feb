package io.towerline.core.drift;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.towerline.core.actor.Actor;
import io.towerline.core.subscriber.Subscriber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What drift checks leave in the command log (ADR 0258): the platform's own checks read
 * as routine monitoring, a check that finds drift leaves one entry saying what it found,
 * a repair's writes and a check someone asked for are recorded command by command.
 */
class DriftAuditTests extends DriftTest {

	@Test
	void shouldLeaveNoCommandLogRowsForAScheduledCheckThatFindsNoDrift() {
		imported();
		List<Map<String, Object>> before = logged();

		DriftReport report = inTenant(() -> this.checks.scheduled(this.routerId));

		assertThat(report.status()).isEqualTo(DriftCheckStatus.COMPLETED);
		assertThat(report.missingCount() + report.unmanagedCount() + report.differentCount()).isZero();
		assertThat(logged()).hasSameSizeAs(before);
	}

	@Test
	void shouldLeaveOneEntrySayingWhatAScheduledCheckFound() {
		int before = logged().size();

		DriftReport report = inTenant(() -> this.checks.scheduled(this.routerId));

		assertThat(report.unmanagedCount()).isEqualTo(5);
		List<Map<String, Object>> rows = logged();
		assertThat(rows).hasSize(before + 1);
		assertThat(rows.get(0)).containsEntry("action", DriftChecks.DRIFT_FOUND_ACTION)
			.containsEntry("actor", DriftChecks.SCHEDULED_ACTOR.value())
			.containsEntry("router_id", this.routerId);
		assertThat((String) rows.get(0).get("parameters")).contains("\"unmanaged\":\"5\"")
			.contains("\"missing\":\"0\"")
			.contains(report.id().toString());
	}

	@Test
	void shouldLeaveAnEntryOnlyWhenTheDriftIsNews() {
		Subscriber alice = provisioned("alice", "secret-1");
		int before = found();

		inTenant(() -> this.checks.scheduled(this.routerId));
		assertThat(found()).as("the first check that finds drift").isEqualTo(before + 1);
		inTenant(() -> this.checks.scheduled(this.routerId));
		assertThat(found()).as("the same drift again").isEqualTo(before + 1);

		this.fixture.simulator().putRawSecretValue("alice", "password", bytes("changed-by-hand"));
		inTenant(() -> this.checks.scheduled(this.routerId));
		assertThat(found()).as("a new item").isEqualTo(before + 2);
		DriftReport again = inTenant(() -> this.checks.scheduled(this.routerId));
		assertThat(found()).as("the changed drift again").isEqualTo(before + 2);

		DriftResolutions.Resolution pushed = resolve(again, byName(items(again), "alice"), DriftAction.PUSH);
		awaitSucceeded(pushed.operationIds().get(0));
		DriftReport resolved = inTenant(() -> this.checks.scheduled(this.routerId));
		assertThat(items(resolved)).extracting(DriftItem::name).doesNotContain("alice");
		assertThat(found()).as("the rest, as before").isEqualTo(before + 2);

		this.fixture.simulator().putRawSecretValue("alice", "password", bytes("changed-again"));
		inTenant(() -> this.checks.scheduled(this.routerId));
		assertThat(found()).as("drifted again after it was resolved").isEqualTo(before + 3);
		assertThat(alice.id()).isNotNull();
	}

	@Test
	void shouldRecordEveryWriteOfAnAutomaticRepair() {
		Subscriber alice = provisioned("alice", "secret-1");
		this.fixture.simulator().putRawSecretValue("alice", "password", bytes("changed-by-hand"));
		inTenant(() -> this.reports.changeAutomaticRepair(true, Actor.of("user:admin")));

		DriftReport report = inTenant(() -> this.checks.scheduled(this.routerId));
		DriftItem repaired = byName(items(report), "alice");
		awaitSucceeded(Objects.requireNonNull(repaired.operationId()));

		assertThat(logged()).filteredOn((row) -> DriftChecks.REPAIR_ACTOR.value().equals(row.get("actor")))
			.extracting((row) -> (String) row.get("action"))
			.anyMatch((action) -> action.startsWith("/ppp/secret/") && !action.endsWith("/print"));
		assertThat(logged()).filteredOn((row) -> DriftChecks.DRIFT_FOUND_ACTION.equals(row.get("action")))
			.singleElement()
			.satisfies((row) -> assertThat((String) row.get("parameters")).contains("\"different\":\"1\""));
		assertThat(alice.id()).isNotNull();
	}

	@Test
	void shouldRecordEachReadOfACheckSomeoneAskedFor() {
		imported();
		int before = logged().size();

		inTenant(() -> this.checks.check(this.routerId, Actor.of("user:staff")));

		assertThat(logged().subList(0, logged().size() - before)).allSatisfy(
				(row) -> assertThat(row).containsEntry("actor", "user:staff").containsEntry("router_id", this.routerId))
			.extracting((row) -> row.get("action"))
			.contains("/ppp/secret/print", "/ppp/profile/print");
	}

	/** How many drift-found entries the tenant's command log has. */
	private int found() {
		return (int) logged().stream()
			.filter((row) -> DriftChecks.DRIFT_FOUND_ACTION.equals(row.get("action")))
			.count();
	}

	/** The tenant's command log, newest first. */
	private List<Map<String, Object>> logged() {
		return this.jdbc
			.sql("SELECT action, actor, router_id, parameters FROM " + this.tenant.schemaName()
					+ ".router_command_log ORDER BY at DESC, id DESC")
			.query()
			.listOfRows();
	}

}
