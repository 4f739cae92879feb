package io.towerline.core.drift;

import java.time.Instant;

import io.towerline.core.actor.Actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The tenant's drift settings (one row). Without a row, automatic repair is off.
 */
@Entity
@Table(name = "drift_settings")
public class DriftSettings {

	static final short SINGLE_ROW = 1;

	@Id
	private short id;

	@Column(name = "automatic_repair", nullable = false)
	private boolean automaticRepair;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Version
	private long version;

	protected DriftSettings() {
		this.id = SINGLE_ROW;
		this.updatedAt = Instant.EPOCH;
		this.updatedBy = Actor.system("default").value();
	}

	static DriftSettings defaults() {
		return new DriftSettings();
	}

	/**
	 * Whether scheduled checks push MISSING and DIFFERENT items at once (never removing
	 * unmanaged secrets).
	 */
	public boolean automaticRepair() {
		return this.automaticRepair;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public String updatedBy() {
		return this.updatedBy;
	}

	void change(boolean automaticRepair, Actor actor, Instant now) {
		this.automaticRepair = automaticRepair;
		this.updatedBy = actor.value();
		this.updatedAt = now;
	}

}
