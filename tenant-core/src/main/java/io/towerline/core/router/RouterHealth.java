package io.towerline.core.router;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * What the last health check saw. Facts from the router are kept after it becomes
 * unreachable.
 */
@Embeddable
public class RouterHealth {

	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false)
	private RouterStatus status = RouterStatus.UNKNOWN;

	@Column(name = "status_detail")
	private @Nullable String detail;

	@Column(name = "last_checked_at")
	private @Nullable Instant lastCheckedAt;

	@Column(name = "last_seen_at")
	private @Nullable Instant lastSeenAt;

	@Column(name = "identity")
	private @Nullable String identity;

	@Column(name = "routeros_version")
	private @Nullable String routerOsVersion;

	@Column(name = "board")
	private @Nullable String board;

	@Column(name = "cpu_load")
	private @Nullable Integer cpuLoad;

	@Column(name = "free_memory")
	private @Nullable Long freeMemory;

	@Column(name = "total_memory")
	private @Nullable Long totalMemory;

	@Column(name = "uptime_seconds")
	private @Nullable Long uptimeSeconds;

	public RouterStatus status() {
		return this.status;
	}

	public @Nullable String detail() {
		return this.detail;
	}

	public @Nullable Instant lastCheckedAt() {
		return this.lastCheckedAt;
	}

	public @Nullable Instant lastSeenAt() {
		return this.lastSeenAt;
	}

	public @Nullable String identity() {
		return this.identity;
	}

	public @Nullable String routerOsVersion() {
		return this.routerOsVersion;
	}

	public @Nullable String board() {
		return this.board;
	}

	public @Nullable Integer cpuLoad() {
		return this.cpuLoad;
	}

	public @Nullable Long freeMemory() {
		return this.freeMemory;
	}

	public @Nullable Long totalMemory() {
		return this.totalMemory;
	}

	public @Nullable Long uptimeSeconds() {
		return this.uptimeSeconds;
	}

	void seen(RouterFacts facts, Instant now) {
		this.status = RouterStatus.ONLINE;
		this.detail = null;
		this.lastCheckedAt = now;
		this.lastSeenAt = now;
		this.identity = facts.identity();
		this.routerOsVersion = facts.version();
		this.board = facts.board();
		this.cpuLoad = facts.cpuLoad();
		this.freeMemory = facts.freeMemory();
		this.totalMemory = facts.totalMemory();
		this.uptimeSeconds = facts.uptime().toSeconds();
	}

	void failed(RouterStatus status, String detail, Instant now) {
		this.status = status;
		this.detail = detail;
		this.lastCheckedAt = now;
	}

	void reset() {
		this.status = RouterStatus.UNKNOWN;
		this.detail = null;
	}

}
