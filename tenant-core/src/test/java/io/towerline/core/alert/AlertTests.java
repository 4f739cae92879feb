package io.towerline.core.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.ScrollPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Alert rules and alerts against the simulated router: an overloaded or memory-starved
 * router opens one alert, notified once, resolved when it clears; a flapping router gets
 * one alert, not one per flap; failed backups and outdated RouterOS are alerted; invalid
 * rules are refused; rules and alerts stay within their tenant.
 */
class AlertTests extends AlertTest {

	@Test
	void shouldSeedTheDefaultRulesForEveryTenant() {
		assertThat(inTenant(() -> this.rules.list())).extracting(AlertRule::type)
			.containsExactlyInAnyOrder(AlertRuleType.values());
	}

	@Test
	void shouldOpenOneAlertForAnOverloadedRouterNotifyOnceAndResolveWhenTheLoadDrops() {
		this.fixture.simulator().cpuLoad(97);
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

		this.fixture.simulator().cpuLoad(4);
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
		this.fixture.simulator().freeMemory(50_000_000L);
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
		this.fixture.simulator().freeMemory(null);
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
				this.fixture.simulator().uptime(Duration.ofSeconds(100 - minute));
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
		this.fixture.simulator().cpuLoad(99);
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

}
