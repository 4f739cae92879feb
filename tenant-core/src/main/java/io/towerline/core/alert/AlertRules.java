package io.towerline.core.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.router.Routers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's alert rules: every tenant starts with a default set (seeded by its
 * schema's changelog) and changes them like its own. Invalid drafts are refused with one
 * {@link FieldError} per problem.
 */
@Service
@Transactional
public class AlertRules {

	static final Duration LONGEST_HOLD = Duration.ofDays(7);

	private final AlertRuleRepository rules;

	private final Alerts alerts;

	private final Routers routers;

	private final Clock clock;

	AlertRules(AlertRuleRepository rules, Alerts alerts, Routers routers, Clock clock) {
		this.rules = rules;
		this.alerts = alerts;
		this.routers = routers;
		this.clock = clock;
	}

	/** All rules, by name. */
	@Transactional(readOnly = true)
	public List<AlertRule> list() {
		return this.rules.findAllByOrderByNameAscIdAsc();
	}

	// a lookup that finds nothing must not mark the caller's transaction rollback-only
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public AlertRule get(UUID id) {
		return this.rules.findById(id).orElseThrow(() -> new NotFoundException("Alert rule", id));
	}

	/**
	 * Creates a rule.
	 * @throws InvalidInputException listing every problem of the draft
	 */
	public AlertRule create(AlertRuleDraft draft, Actor actor) {
		validate(draft, new UUID(0, 0));
		return this.rules.save(new AlertRule(draft, actor, this.clock.instant()));
	}

	/**
	 * Replaces a rule's settings (its type stays). Open alerts keep going under the new
	 * settings; a rule that is disabled or narrowed resolves them at the next sweep.
	 * @throws InvalidInputException listing every problem of the draft, or when the type
	 * would change
	 */
	public AlertRule update(UUID id, AlertRuleDraft draft, Actor actor) {
		AlertRule rule = get(id);
		if (draft.type() != rule.type()) {
			throw new InvalidInputException(
					FieldError.invalid("type", "A rule's type cannot change; create a new rule"));
		}
		validate(draft, id);
		rule.apply(draft, actor, this.clock.instant());
		return rule;
	}

	/** Deletes a rule; its alerts that are not resolved are resolved now. */
	public void delete(UUID id, Actor actor) {
		AlertRule rule = get(id);
		this.alerts.resolveAllOf(rule, actor, "rule deleted");
		this.rules.delete(rule);
	}

	private void validate(AlertRuleDraft draft, UUID self) {
		List<FieldError> errors = new ArrayList<>();
		String name = draft.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			errors.add(FieldError.invalid("name", "A rule's name has 1 to 100 characters"));
		}
		else if (this.rules.existsByNameIgnoreCaseAndIdNot(name, self)) {
			errors.add(new FieldError("name", ErrorCode.DUPLICATE, "Another rule is called '" + name + "'"));
		}
		Integer threshold = draft.threshold();
		if (draft.type().needsThreshold() && (threshold == null || threshold < 1 || threshold > 100)) {
			errors.add(FieldError.invalid("threshold", draft.type() + " needs a threshold between 1 and 100 percent"));
		}
		else if (!draft.type().needsThreshold() && threshold != null) {
			errors.add(FieldError.invalid("threshold", draft.type() + " takes no threshold"));
		}
		hold(errors, "forSeconds", draft.forDuration());
		hold(errors, "clearSeconds", draft.clearDuration());
		Duration window = draft.window();
		if (draft.type() == AlertRuleType.SESSIONS_DROPPED) {
			if (window == null || window.compareTo(Duration.ofMinutes(1)) < 0
					|| window.compareTo(Duration.ofDays(1)) > 0) {
				errors
					.add(FieldError.invalid("windowSeconds", "SESSIONS_DROPPED needs a window of 60 to 86400 seconds"));
			}
		}
		else if (window != null) {
			errors.add(FieldError.invalid("windowSeconds", draft.type() + " takes no window"));
		}
		String minimum = draft.minimumVersion();
		if (draft.type() == AlertRuleType.ROUTEROS_OUTDATED) {
			if (minimum != null && (minimum.length() > 40 || RouterOsVersion.parse(minimum) == null)) {
				errors.add(FieldError.invalid("minimumVersion", "A RouterOS version is numbers and dots, e.g. 7.12"));
			}
		}
		else if (minimum != null) {
			errors.add(FieldError.invalid("minimumVersion", draft.type() + " takes no minimum version"));
		}
		UUID routerId = draft.routerId();
		if (routerId != null && this.routers.getAll(List.of(routerId)).isEmpty()) {
			errors.add(new FieldError("routerId", ErrorCode.NOT_FOUND, "No such router"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static void hold(List<FieldError> errors, String field, Duration duration) {
		if (duration.isNegative() || duration.compareTo(LONGEST_HOLD) > 0) {
			errors.add(FieldError.invalid(field, "Between 0 and " + LONGEST_HOLD.toSeconds() + " seconds"));
		}
	}

}
