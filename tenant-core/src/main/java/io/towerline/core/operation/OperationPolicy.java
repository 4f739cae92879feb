package io.towerline.core.operation;

import java.time.Duration;
import java.time.Instant;

import io.towerline.core.actor.Actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's own operation policy (one row). Without a row, or with an empty value, the
 * platform's configuration applies.
 */
@Entity
@Table(name = "operation_policy")
public class OperationPolicy {

	static final short SINGLE_ROW = 1;

	@Id
	private short id;

	/** How long operations wait for a router of this tenant; null for the default. */
	@Column(name = "router_wait_seconds")
	private @Nullable Long routerWaitSeconds;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Version
	private long version;

	protected OperationPolicy() {
		this.id = SINGLE_ROW;
		this.updatedAt = Instant.EPOCH;
		this.updatedBy = Actor.system("default").value();
	}

	static OperationPolicy defaults() {
		return new OperationPolicy();
	}

	/** The tenant's router wait, or null when the platform default applies. */
	public @Nullable Duration routerWait() {
		return (this.routerWaitSeconds != null) ? Duration.ofSeconds(this.routerWaitSeconds) : null;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public String updatedBy() {
		return this.updatedBy;
	}

	void change(@Nullable Duration routerWait, Actor actor, Instant now) {
		this.routerWaitSeconds = (routerWait != null) ? routerWait.toSeconds() : null;
		this.updatedBy = actor.value();
		this.updatedAt = now;
	}

}
