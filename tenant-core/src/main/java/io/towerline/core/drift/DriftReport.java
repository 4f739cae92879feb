package io.towerline.core.drift;

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
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one drift check of one router: when, who asked, and how many items of
 * each kind it found. The items themselves are {@link DriftItem}s.
 */
@Entity
@Table(name = "drift_report")
public class DriftReport {

	@Id
	private UUID id;

	@Column(name = "router_id", nullable = false)
	private UUID routerId;

	@Column(name = "checked_at", nullable = false)
	private Instant checkedAt;

	@Column(name = "requested_by", nullable = false)
	private String requestedBy;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DriftCheckStatus status;

	private @Nullable String error;

	@Column(name = "router_secrets", nullable = false)
	private int routerSecrets;

	@Column(name = "platform_subscribers", nullable = false)
	private int platformSubscribers;

	@Column(name = "missing_count", nullable = false)
	private int missingCount;

	@Column(name = "unmanaged_count", nullable = false)
	private int unmanagedCount;

	@Column(name = "different_count", nullable = false)
	private int differentCount;

	@Column(name = "ignored_count", nullable = false)
	private int ignoredCount;

	@Column(name = "duration_ms", nullable = false)
	private long durationMs;

	protected DriftReport() {
		this.id = new UUID(0, 0);
		this.routerId = this.id;
		this.checkedAt = Instant.EPOCH;
		this.requestedBy = "";
		this.status = DriftCheckStatus.FAILED;
	}

	static DriftReport completed(UUID routerId, Instant checkedAt, Actor requestedBy, int routerSecrets,
			int platformSubscribers, Duration took) {
		DriftReport report = new DriftReport();
		report.id = UUID.randomUUID();
		report.routerId = routerId;
		report.checkedAt = checkedAt;
		report.requestedBy = requestedBy.value();
		report.status = DriftCheckStatus.COMPLETED;
		report.routerSecrets = routerSecrets;
		report.platformSubscribers = platformSubscribers;
		report.durationMs = took.toMillis();
		return report;
	}

	static DriftReport failed(UUID routerId, Instant checkedAt, Actor requestedBy, String error, Duration took) {
		DriftReport report = completed(routerId, checkedAt, requestedBy, 0, 0, took);
		report.status = DriftCheckStatus.FAILED;
		report.error = (error.length() > 2000) ? error.substring(0, 2000) : error;
		return report;
	}

	void count(DriftItem item) {
		if (item.state() == DriftItemState.IGNORED) {
			this.ignoredCount++;
			return;
		}
		switch (item.kind()) {
			case MISSING -> this.missingCount++;
			case UNMANAGED -> this.unmanagedCount++;
			case DIFFERENT -> this.differentCount++;
		}
	}

	public UUID id() {
		return this.id;
	}

	public UUID routerId() {
		return this.routerId;
	}

	public Instant checkedAt() {
		return this.checkedAt;
	}

	/** Who asked: {@code user:<name>} or {@code system:drift-check}. */
	public String requestedBy() {
		return this.requestedBy;
	}

	public DriftCheckStatus status() {
		return this.status;
	}

	/** Why the router could not be compared, for FAILED checks. */
	public @Nullable String error() {
		return this.error;
	}

	/** Secrets the router held when checked. */
	public int routerSecrets() {
		return this.routerSecrets;
	}

	/** Subscribers the platform places on the router. */
	public int platformSubscribers() {
		return this.platformSubscribers;
	}

	/** Items found MISSING (not counting ignored ones). */
	public int missingCount() {
		return this.missingCount;
	}

	/** Items found UNMANAGED (not counting ignored ones). */
	public int unmanagedCount() {
		return this.unmanagedCount;
	}

	/** Items found DIFFERENT (not counting ignored ones). */
	public int differentCount() {
		return this.differentCount;
	}

	/** Items that matched an ignore rule. */
	public int ignoredCount() {
		return this.ignoredCount;
	}

	/** How long the check took. */
	public Duration took() {
		return Duration.ofMillis(this.durationMs);
	}

}
