package io.towerline.core.health;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * What the last sample recorded of one router, to tell the next sample what changed
 * (written only by the recording statement; read here for the alert rules).
 */
@Entity
@Table(name = "router_health_state")
class RouterHealthState {

	@Id
	@Column(name = "router_id")
	private UUID routerId;

	@Column(nullable = false)
	private String status;

	@Column(name = "uptime_seconds")
	private @Nullable Long uptimeSeconds;

	@Column(name = "observed_at", nullable = false)
	private Instant observedAt;

	@Column(name = "rebooted_at")
	private @Nullable Instant rebootedAt;

	@Column(name = "returned_at")
	private @Nullable Instant returnedAt;

	protected RouterHealthState() {
		this.routerId = new UUID(0, 0);
		this.status = "UNKNOWN";
		this.observedAt = Instant.EPOCH;
	}

	public UUID routerId() {
		return this.routerId;
	}

	/** When the router was last seen coming back up with a lower uptime. */
	public @Nullable Instant rebootedAt() {
		return this.rebootedAt;
	}

	/** When the router last answered again after being away. */
	public @Nullable Instant returnedAt() {
		return this.returnedAt;
	}

}
