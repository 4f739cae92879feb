package io.towerline.core.alert;

import java.time.Instant;
import java.util.UUID;

import io.towerline.core.actor.Actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One alert: a rule's condition held for one object (a router or an operation). At most
 * one alert per rule and object is not RESOLVED (a partial unique index says so).
 */
@Entity
@Table(name = "alert")
public class Alert {

	@Id
	private UUID id;

	@Column(name = "rule_id")
	private @Nullable UUID ruleId;

	@Enumerated(EnumType.STRING)
	@Column(name = "rule_type", nullable = false)
	private AlertRuleType ruleType;

	@Column(name = "rule_name", nullable = false)
	private String ruleName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AlertSeverity severity;

	@Column(name = "object_id", nullable = false)
	private UUID objectId;

	@Column(name = "router_id")
	private @Nullable UUID routerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AlertState state;

	@Column(nullable = false)
	private String summary;

	@Column(name = "opened_at", nullable = false)
	private Instant openedAt;

	@Column(name = "last_firing_at", nullable = false)
	private Instant lastFiringAt;

	@Column(name = "acknowledged_at")
	private @Nullable Instant acknowledgedAt;

	@Column(name = "acknowledged_by")
	private @Nullable String acknowledgedBy;

	@Column(name = "acknowledgement_note")
	private @Nullable String acknowledgementNote;

	@Column(name = "resolved_at")
	private @Nullable Instant resolvedAt;

	@Column(name = "resolved_by")
	private @Nullable String resolvedBy;

	// a wrapper, so that a new alert is persisted without a select first
	@Version
	private @Nullable Long version;

	protected Alert() {
		this.id = new UUID(0, 0);
		this.ruleType = AlertRuleType.ROUTER_UNREACHABLE;
		this.ruleName = "";
		this.severity = AlertSeverity.WARNING;
		this.objectId = this.id;
		this.state = AlertState.OPEN;
		this.summary = "";
		this.openedAt = Instant.EPOCH;
		this.lastFiringAt = Instant.EPOCH;
	}

	Alert(AlertRule rule, Firing firing, Instant now) {
		this();
		this.id = UUID.randomUUID();
		this.ruleId = rule.id();
		this.ruleType = rule.type();
		this.ruleName = rule.name();
		this.severity = rule.severity();
		this.objectId = firing.objectId();
		this.routerId = firing.routerId();
		this.summary = limit(firing.summary(), 500);
		this.openedAt = now;
		this.lastFiringAt = now;
	}

	/** Keeps the summary current; the last firing time is set in bulk by the sweep. */
	void describe(Firing firing) {
		String summary = limit(firing.summary(), 500);
		if (!summary.equals(this.summary)) {
			this.summary = summary;
		}
	}

	void acknowledge(Actor actor, @Nullable String note, Instant now) {
		this.state = AlertState.ACKNOWLEDGED;
		this.acknowledgedBy = actor.value();
		this.acknowledgedAt = now;
		this.acknowledgementNote = (note != null) ? limit(note, 1000) : null;
	}

	void resolve(Actor actor, Instant now) {
		this.state = AlertState.RESOLVED;
		this.resolvedBy = actor.value();
		this.resolvedAt = now;
	}

	static String limit(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

	public UUID id() {
		return this.id;
	}

	/** The rule that raised it; {@code null} once the rule is deleted. */
	public @Nullable UUID ruleId() {
		return this.ruleId;
	}

	public AlertRuleType ruleType() {
		return this.ruleType;
	}

	/** The rule's name when the alert opened. */
	public String ruleName() {
		return this.ruleName;
	}

	public AlertSeverity severity() {
		return this.severity;
	}

	/** The router, or the operation of OPERATION_FAILED alerts. */
	public UUID objectId() {
		return this.objectId;
	}

	/** The router concerned, when there is one. */
	public @Nullable UUID routerId() {
		return this.routerId;
	}

	public AlertState state() {
		return this.state;
	}

	/** What was last seen, for people. */
	public String summary() {
		return this.summary;
	}

	public Instant openedAt() {
		return this.openedAt;
	}

	/** The last sweep that found the condition holding. */
	public Instant lastFiringAt() {
		return this.lastFiringAt;
	}

	public @Nullable Instant acknowledgedAt() {
		return this.acknowledgedAt;
	}

	public @Nullable String acknowledgedBy() {
		return this.acknowledgedBy;
	}

	public @Nullable String acknowledgementNote() {
		return this.acknowledgementNote;
	}

	public @Nullable Instant resolvedAt() {
		return this.resolvedAt;
	}

	public @Nullable String resolvedBy() {
		return this.resolvedBy;
	}

}
