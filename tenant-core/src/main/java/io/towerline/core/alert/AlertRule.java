package io.towerline.core.alert;

import java.time.Duration;
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
 * One alert rule of the tenant: what it watches, from when it opens an alert
 * ({@code forDuration} of the condition holding) and when it resolves it
 * ({@code clearDuration} of the condition gone).
 */
@Entity
@Table(name = "alert_rule")
public class AlertRule {

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AlertRuleType type;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AlertSeverity severity;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "router_id")
	private @Nullable UUID routerId;

	private @Nullable Integer threshold;

	@Column(name = "for_seconds", nullable = false)
	private int forSeconds;

	@Column(name = "clear_seconds", nullable = false)
	private int clearSeconds;

	@Column(name = "window_seconds")
	private @Nullable Integer windowSeconds;

	@Column(name = "minimum_version")
	private @Nullable String minimumVersion;

	@Column(name = "notify_on_resolve", nullable = false)
	private boolean notifyOnResolve;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Version
	private long version;

	protected AlertRule() {
		this.id = new UUID(0, 0);
		this.type = AlertRuleType.ROUTER_UNREACHABLE;
		this.name = "";
		this.severity = AlertSeverity.WARNING;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
		this.updatedBy = "";
	}

	AlertRule(AlertRuleDraft draft, Actor actor, Instant now) {
		this();
		this.id = UUID.randomUUID();
		this.type = draft.type();
		this.createdAt = now;
		apply(draft, actor, now);
	}

	void apply(AlertRuleDraft draft, Actor actor, Instant now) {
		this.name = draft.name().strip();
		this.severity = draft.severity();
		this.enabled = draft.enabled();
		this.routerId = draft.routerId();
		this.threshold = draft.threshold();
		this.forSeconds = (int) draft.forDuration().toSeconds();
		this.clearSeconds = (int) draft.clearDuration().toSeconds();
		this.windowSeconds = (draft.window() != null) ? (int) draft.window().toSeconds() : null;
		this.minimumVersion = draft.minimumVersion();
		this.notifyOnResolve = draft.notifyOnResolve();
		this.updatedAt = now;
		this.updatedBy = actor.value();
	}

	public UUID id() {
		return this.id;
	}

	public AlertRuleType type() {
		return this.type;
	}

	public String name() {
		return this.name;
	}

	public AlertSeverity severity() {
		return this.severity;
	}

	public boolean enabled() {
		return this.enabled;
	}

	/** The one router the rule watches, or {@code null} for all of the tenant's. */
	public @Nullable UUID routerId() {
		return this.routerId;
	}

	/** The percentage of CPU_HIGH, MEMORY_LOW and SESSIONS_DROPPED rules. */
	public @Nullable Integer threshold() {
		return this.threshold;
	}

	/** How long the condition must hold before an alert opens. */
	public Duration forDuration() {
		return Duration.ofSeconds(this.forSeconds);
	}

	/** How long the condition must stay away before the alert resolves. */
	public Duration clearDuration() {
		return Duration.ofSeconds(this.clearSeconds);
	}

	/** The window of a SESSIONS_DROPPED rule. */
	public @Nullable Duration window() {
		return (this.windowSeconds != null) ? Duration.ofSeconds(this.windowSeconds) : null;
	}

	/** The lowest RouterOS version a ROUTEROS_OUTDATED rule accepts. */
	public @Nullable String minimumVersion() {
		return this.minimumVersion;
	}

	/** Whether the resolution is notified too (the opening always is). */
	public boolean notifyOnResolve() {
		return this.notifyOnResolve;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public String updatedBy() {
		return this.updatedBy;
	}

	boolean watches(UUID routerId) {
		return this.routerId == null || this.routerId.equals(routerId);
	}

}
