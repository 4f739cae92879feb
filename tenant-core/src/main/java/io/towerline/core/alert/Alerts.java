package io.towerline.core.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.NotFoundException;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's alerts: listing and counting with filters, acknowledging, and the
 * state changes the sweep makes, each written with its history entry and its
 * {@link AlertEvents event} in one transaction.
 */
@Service
@Transactional
public class Alerts {

	/** Newest first. */
	public static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "openedAt", "id");

	private final AlertRepository alerts;

	private final AlertHistoryRepository history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Alerts(AlertRepository alerts, AlertHistoryRepository history, ApplicationEventPublisher events, Clock clock) {
		this.alerts = alerts;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Window<Alert> list(AlertFilter filter, ScrollPosition position, int limit) {
		return this.alerts.findBy(specification(filter),
				(query) -> query.sortBy(NEWEST_FIRST).limit(limit).scroll(position));
	}

	@Transactional(readOnly = true)
	public long count(AlertFilter filter) {
		return this.alerts.count(specification(filter));
	}

	// a lookup that finds nothing must not mark the caller's transaction rollback-only
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public Alert get(UUID id) {
		return this.alerts.findById(id).orElseThrow(() -> new NotFoundException("Alert", id));
	}

	/** Alerts opened after the given one (by opening time, then id), oldest first. */
	@Transactional(readOnly = true)
	public List<Alert> openedAfter(Instant at, UUID id, int limit) {
		return this.alerts.findBy(
				(root, query, builder) -> builder.or(builder.greaterThan(root.get("openedAt"), at),
						builder.and(builder.equal(root.get("openedAt"), at), builder.greaterThan(root.get("id"), id))),
				(query) -> query.sortBy(Sort.by("openedAt", "id")).limit(limit).all());
	}

	/** The alert's history, oldest first. */
	@Transactional(readOnly = true)
	public List<AlertHistoryEntry> history(UUID alertId) {
		return this.history.findByAlertIdOrderByAtAscIdAsc(alertId);
	}

	/**
	 * Someone takes the alert on. It still resolves by itself when its condition clears.
	 * @throws DomainException INVALID_STATE when the alert is already resolved
	 */
	public Alert acknowledge(UUID id, @Nullable String note, Actor actor) {
		Alert alert = get(id);
		if (alert.state() == AlertState.RESOLVED) {
			throw new DomainException(ErrorCode.INVALID_STATE, "This alert is resolved already");
		}
		Instant now = this.clock.instant();
		alert.acknowledge(actor, note, now);
		this.history.save(new AlertHistoryEntry(id, now, AlertHistoryEntry.ACKNOWLEDGED, actor, note));
		return alert;
	}

	/**
	 * Adds an automatic action to the history of the router's alerts that are not
	 * resolved (of the given types).
	 * @return the alerts it was added to
	 */
	List<UUID> recordAction(UUID routerId, List<AlertRuleType> types, String note, Actor actor) {
		Instant now = this.clock.instant();
		List<UUID> ids = new ArrayList<>();
		for (Alert alert : this.alerts.findByRouterIdAndStateNot(routerId, AlertState.RESOLVED)) {
			if (types.contains(alert.ruleType())) {
				this.history
					.save(new AlertHistoryEntry(alert.id(), now, AlertHistoryEntry.AUTOMATIC_ACTION, actor, note));
				ids.add(alert.id());
			}
		}
		return ids;
	}

	/**
	 * Adds an entry to the history of the alerts about these objects that are not
	 * resolved.
	 */
	void recordOnObjects(List<UUID> objectIds, String kind, String note, Actor actor) {
		if (objectIds.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		for (Alert alert : this.alerts.findByObjectIdInAndStateNot(objectIds, AlertState.RESOLVED)) {
			this.history.save(new AlertHistoryEntry(alert.id(), now, kind, actor, note));
		}
	}

	/** Adds an automatic action to one alert's history. */
	void recordAction(UUID alertId, String note, Actor actor) {
		this.history.save(
				new AlertHistoryEntry(alertId, this.clock.instant(), AlertHistoryEntry.AUTOMATIC_ACTION, actor, note));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Alert open(AlertRule rule, Firing firing, Actor actor, Instant now) {
		Alert alert = this.alerts.save(new Alert(rule, firing, now));
		this.history.save(new AlertHistoryEntry(alert.id(), now, AlertHistoryEntry.OPENED, actor, firing.summary()));
		this.events.publishEvent(AlertEvents.of(AlertEvents.OPENED, alert, actor, now, true));
		return alert;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void resolve(Alert alert, boolean notify, Actor actor, String note, Instant now) {
		alert.resolve(actor, now);
		this.history.save(new AlertHistoryEntry(alert.id(), now, AlertHistoryEntry.RESOLVED, actor, note));
		this.events.publishEvent(AlertEvents.of(AlertEvents.RESOLVED, alert, actor, now, notify));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void resolveAllOf(AlertRule rule, Actor actor, String note) {
		Instant now = this.clock.instant();
		for (Alert alert : this.alerts.findByRuleIdAndStateNot(rule.id(), AlertState.RESOLVED)) {
			resolve(alert, rule.notifyOnResolve(), actor, note, now);
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	List<Alert> unresolved() {
		return this.alerts.findByStateNot(AlertState.RESOLVED);
	}

	private static Specification<Alert> specification(AlertFilter filter) {
		return (root, query, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (!filter.states().isEmpty()) {
				predicates.add(root.get("state").in(filter.states()));
			}
			if (filter.severity() != null) {
				predicates.add(builder.equal(root.get("severity"), filter.severity()));
			}
			if (filter.ruleId() != null) {
				predicates.add(builder.equal(root.get("ruleId"), filter.ruleId()));
			}
			if (filter.routerId() != null) {
				predicates.add(builder.equal(root.get("routerId"), filter.routerId()));
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
	}

}
