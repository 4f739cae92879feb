package io.towerline.core.alert;

import java.time.Instant;
import java.util.UUID;

import io.towerline.core.actor.Actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * One step in an alert's life: opened, acknowledged, resolved, or an action the platform
 * took about it (a drift check, a repair, a re-run), with who did it.
 */
@Entity
@Table(name = "alert_history")
public class AlertHistoryEntry implements Persistable<UUID> {

	/** Kinds of entries. */
	public static final String OPENED = "OPENED";

	public static final String ACKNOWLEDGED = "ACKNOWLEDGED";

	public static final String RESOLVED = "RESOLVED";

	/** Someone retried the operation the alert is about. */
	static final String RETRIED = "RETRIED";

	/** Something the platform did about the alert by itself. */
	static final String AUTOMATIC_ACTION = "AUTOMATIC_ACTION";

	@Id
	private UUID id;

	@Column(name = "alert_id", nullable = false)
	private UUID alertId;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false)
	private String kind;

	@Column(nullable = false)
	private String actor;

	private @Nullable String note;

	// entries are only ever added: persisted without a select first
	@Transient
	private boolean added = true;

	protected AlertHistoryEntry() {
		this.id = new UUID(0, 0);
		this.alertId = this.id;
		this.at = Instant.EPOCH;
		this.kind = "";
		this.actor = "";
	}

	AlertHistoryEntry(UUID alertId, Instant at, String kind, Actor actor, @Nullable String note) {
		this.id = UUID.randomUUID();
		this.alertId = alertId;
		this.at = at;
		this.kind = kind;
		this.actor = actor.value();
		this.note = (note != null) ? Alert.limit(note, 1000) : null;
	}

	public UUID id() {
		return this.id;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.added;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.added = false;
	}

	UUID alertId() {
		return this.alertId;
	}

	public Instant at() {
		return this.at;
	}

	/** OPENED, ACKNOWLEDGED, RESOLVED, RETRIED or AUTOMATIC_ACTION. */
	public String kind() {
		return this.kind;
	}

	/** Who: {@code user:<name>}, {@code client:<id>} or {@code system:<component>}. */
	public String actor() {
		return this.actor;
	}

	public @Nullable String note() {
		return this.note;
	}

}
