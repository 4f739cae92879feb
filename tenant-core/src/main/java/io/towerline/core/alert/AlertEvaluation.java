package io.towerline.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.actor.Actor;
import io.towerline.core.health.RouterTransition;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the current tenant's enabled rules once, in the sweep's transaction, and
 * moves conditions and alerts along (ADR 0084): a condition first seen opens its alert
 * once it has held for the rule's {@code forDuration}; it is forgotten, and its alert
 * resolved, only after it stayed away for the rule's {@code clearDuration}, so a flapping
 * router keeps one condition and gets one alert.
 */
@Component
class AlertEvaluation {

	/** Who opens and resolves alerts. */
	static final Actor ACTOR = Actor.system("alerts");

	private static final int CHUNK = 1000;

	private final AlertRuleRepository rules;

	private final AlertConditionRepository conditions;

	private final AlertSignalRepository signals;

	private final SweepFactsRepository facts;

	private final Alerts alerts;

	private final AlertRepository alertRepository;

	private final RouterOperations operations;

	private final AlertProperties properties;

	private final FiringConditions firingConditions;

	private final SessionCountSampling sessionCounts;

	AlertEvaluation(AlertRuleRepository rules, AlertConditionRepository conditions, AlertSignalRepository signals,
			SweepFactsRepository facts, Alerts alerts, AlertRepository alertRepository, RouterOperations operations,
			AlertProperties properties, SessionCountSampling sessionCounts) {
		this.alertRepository = alertRepository;
		this.rules = rules;
		this.conditions = conditions;
		this.signals = signals;
		this.facts = facts;
		this.alerts = alerts;
		this.operations = operations;
		this.properties = properties;
		this.sessionCounts = sessionCounts;
		this.firingConditions = new FiringConditions(properties.problematicVersions(),
				properties.sessionsDroppedMinimum());
	}

	/**
	 * One evaluation at {@code now}.
	 * @param transitions routers that came back or rebooted since the previous sweep
	 * @param freshSince routers checked before this are left out of the health rules
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Outcome evaluate(Instant now, List<RouterTransition> transitions, Instant freshSince) {
		List<AlertRule> enabled = this.rules.findByEnabledTrue();
		Map<UUID, AlertRule> rulesById = enabled.stream().collect(Collectors.toMap(AlertRule::id, Function.identity()));
		Map<AlertCondition.Key, Alert> unresolved = new HashMap<>();
		for (Alert alert : this.alerts.unresolved()) {
			unresolved.put(new AlertCondition.Key((alert.ruleId() != null) ? alert.ruleId() : new UUID(0, 0),
					alert.objectId()), alert);
		}
		Map<AlertCondition.Key, AlertCondition> watched = new HashMap<>();
		this.conditions.findAll().forEach((condition) -> watched.put(condition.key(), condition));
		List<RouterFactsRow> routerFacts = this.facts.routers(freshSince).stream().map(RouterFactsRow::of).toList();
		SweepFacts sweep = new SweepFacts(() -> routerFacts, transitions, this::unrepairedDrift,
				() -> failedOperations(unresolved.values()), () -> this.signals.findByKeyKind(BackupSignals.KIND),
				sessionCounts(now, enabled, routerFacts, watched.values()));
		int opened = 0;
		int resolved = 0;
		int firingCount = 0;
		List<AlertCondition.Key> stillFiring = new ArrayList<>();
		List<UUID> alertsFiring = new ArrayList<>();
		for (AlertRule rule : enabled) {
			for (Firing firing : this.firingConditions.of(rule, sweep)) {
				firingCount++;
				AlertCondition.Key key = new AlertCondition.Key(rule.id(), firing.objectId());
				AlertCondition condition = watched.remove(key);
				if (condition == null) {
					condition = this.conditions
						.save(new AlertCondition(key, firing.routerId(), now, firing.baseline()));
				}
				else {
					stillFiring.add(key);
				}
				Alert alert = unresolved.remove(key);
				if (alert != null) {
					alert.describe(firing);
					alertsFiring.add(alert.id());
				}
				else if (!now.isBefore(condition.firstSeenAt().plus(rule.forDuration()))) {
					this.alerts.open(rule, firing, ACTOR, now);
					opened++;
				}
			}
		}
		touch(now, stillFiring, alertsFiring);
		for (AlertCondition condition : watched.values()) {
			AlertRule rule = rulesById.get(condition.key().ruleId());
			boolean cleared = rule == null || !now.isBefore(condition.lastFiringAt().plus(rule.clearDuration()));
			if (!cleared) {
				unresolved.remove(condition.key());
				continue;
			}
			this.conditions.delete(condition);
			Alert alert = unresolved.remove(condition.key());
			if (alert != null) {
				this.alerts.resolve(alert, rule == null || rule.notifyOnResolve(), ACTOR,
						(rule == null) ? "rule disabled" : "condition cleared", now);
				resolved++;
			}
		}
		for (Alert alert : unresolved.values()) {
			// its rule was disabled or deleted, or its condition is gone
			AlertRule rule = (alert.ruleId() != null) ? rulesById.get(alert.ruleId()) : null;
			this.alerts.resolve(alert, rule == null || rule.notifyOnResolve(), ACTOR, "rule disabled or gone", now);
			resolved++;
		}
		int routers = 0;
		int away = 0;
		for (RouterFactsRow router : sweep.routers()) {
			if (router.fresh()) {
				routers++;
				away += router.status().equals("ONLINE") ? 0 : 1;
			}
		}
		return new Outcome(enabled.size(), firingCount, opened, resolved, routers, away);
	}

	/**
	 * Samples the routers' online sessions when an enabled SESSIONS_DROPPED rule needs
	 * them (every sweep, so that the peak before a drop is known when the drop comes).
	 */
	private SessionCounts sessionCounts(Instant now, List<AlertRule> enabled, List<RouterFactsRow> routers,
			Collection<AlertCondition> watched) {
		Duration longest = enabled.stream()
			.filter((rule) -> rule.type() == AlertRuleType.SESSIONS_DROPPED)
			.map(FiringConditions::window)
			.max(Comparator.naturalOrder())
			.orElse(null);
		if (longest == null) {
			return SessionCounts.NONE;
		}
		Map<AlertCondition.Key, Long> baselines = new HashMap<>();
		for (AlertCondition condition : watched) {
			if (condition.baseline() != null) {
				baselines.put(condition.key(), condition.baseline());
			}
		}
		return this.sessionCounts.sample(now, routers.stream().map(RouterFactsRow::id).toList(), longest, baselines);
	}

	/** Stamps what still holds in a few statements instead of one update per row. */
	private void touch(Instant now, List<AlertCondition.Key> conditions, List<UUID> alerts) {
		for (int from = 0; from < conditions.size(); from += CHUNK) {
			List<AlertCondition.Key> chunk = conditions.subList(from, Math.min(conditions.size(), from + CHUNK));
			this.conditions.firing(now, String.join(",", chunk.stream().map((key) -> key.ruleId().toString()).toList()),
					String.join(",", chunk.stream().map((key) -> key.objectId().toString()).toList()));
		}
		for (int from = 0; from < alerts.size(); from += CHUNK) {
			this.alertRepository.firing(now, alerts.subList(from, Math.min(alerts.size(), from + CHUNK)));
		}
	}

	private Map<UUID, Long> unrepairedDrift() {
		Map<UUID, Long> open = new HashMap<>();
		for (Object[] row : this.facts.unrepairedDrift()) {
			open.put((UUID) row[0], ((Number) row[1]).longValue());
		}
		return open;
	}

	/**
	 * The newest FAILED operations, plus those that already have an alert (so that an
	 * alert outside the newest ones does not resolve while its operation is still
	 * FAILED).
	 */
	private List<RouterOperation> failedOperations(Iterable<Alert> unresolved) {
		Map<UUID, RouterOperation> failed = new HashMap<>();
		this.operations.failed(null, null, this.properties.failedOperationsPerSweep())
			.forEach((operation) -> failed.put(operation.id(), operation));
		List<UUID> alerted = new ArrayList<>();
		unresolved.forEach((alert) -> {
			if (alert.ruleType() == AlertRuleType.OPERATION_FAILED && !failed.containsKey(alert.objectId())) {
				alerted.add(alert.objectId());
			}
		});
		this.operations.findAll(alerted)
			.stream()
			.filter((operation) -> operation.status() == OperationStatus.FAILED)
			.forEach((operation) -> failed.put(operation.id(), operation));
		return List.copyOf(failed.values());
	}

	/**
	 * What one evaluation did, and how many routers the health sweep saw lately and how
	 * many of those were away (unreachable or refusing the credentials).
	 */
	record Outcome(int rules, int firing, int opened, int resolved, int routers, int away) {

	}

}
