package io.towerline.core.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * The last failure and the last success another feature reported about one object (for
 * example a router's backups), so the sweep can evaluate rules that are fed by events.
 */
@Entity
@Table(name = "alert_signal")
class AlertSignal {

	@EmbeddedId
	private Key key;

	@Column(name = "failed_at")
	private @Nullable Instant failedAt;

	@Column(name = "succeeded_at")
	private @Nullable Instant succeededAt;

	private @Nullable String detail;

	protected AlertSignal() {
		this.key = new Key("", new UUID(0, 0));
	}

	AlertSignal(Key key) {
		this.key = key;
	}

	Key key() {
		return this.key;
	}

	void failed(Instant at, @Nullable String detail) {
		this.failedAt = at;
		this.detail = (detail != null) ? Alert.limit(detail, 500) : null;
	}

	void succeeded(Instant at) {
		this.succeededAt = at;
	}

	/** A failure not followed by a success. */
	boolean failing() {
		return this.failedAt != null && (this.succeededAt == null || this.succeededAt.isBefore(this.failedAt));
	}

	@Nullable String detail() {
		return this.detail;
	}

	/** What reported and about which object. */
	@Embeddable
	record Key(@Column(name = "kind") String kind, @Column(name = "object_id") UUID objectId) implements Serializable {

	}

}
