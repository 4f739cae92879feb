package io.towerline.core.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * A rule's condition being watched for one object, whether or not it has an alert yet:
 * when it was first seen and when last. It is forgotten only once it has stayed away for
 * the rule's clear duration, so a flapping object keeps one condition (and at most one
 * alert) instead of starting over at every flap.
 */
@Entity
@Table(name = "alert_condition")
class AlertCondition implements Persistable<AlertCondition.Key> {

	@EmbeddedId
	private Key key;

	@Column(name = "router_id")
	private @Nullable UUID routerId;

	@Column(name = "first_seen_at", nullable = false)
	private Instant firstSeenAt;

	@Column(name = "last_firing_at", nullable = false)
	private Instant lastFiringAt;

	// SESSIONS_DROPPED: the online count before the drop, compared with until it clears
	private @Nullable Long baseline;

	// a condition first seen is persisted without a select first
	@Transient
	private boolean seenFirst = true;

	protected AlertCondition() {
		this.key = new Key(new UUID(0, 0), new UUID(0, 0));
		this.firstSeenAt = Instant.EPOCH;
		this.lastFiringAt = Instant.EPOCH;
	}

	AlertCondition(Key key, @Nullable UUID routerId, Instant now, @Nullable Long baseline) {
		this.key = key;
		this.routerId = routerId;
		this.firstSeenAt = now;
		this.lastFiringAt = now;
		this.baseline = baseline;
	}

	Key key() {
		return this.key;
	}

	@Override
	public Key getId() {
		return this.key;
	}

	@Override
	public boolean isNew() {
		return this.seenFirst;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.seenFirst = false;
	}

	Instant firstSeenAt() {
		return this.firstSeenAt;
	}

	Instant lastFiringAt() {
		return this.lastFiringAt;
	}

	@Nullable Long baseline() {
		return this.baseline;
	}

	/** Rule and object. */
	@Embeddable
	record Key(@Column(name = "rule_id") UUID ruleId,
			@Column(name = "object_id") UUID objectId) implements Serializable {

	}

}
