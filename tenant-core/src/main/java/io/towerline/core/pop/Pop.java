package io.towerline.core.pop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A point of presence of one tenant. Stored in the tenant's schema. */
@Entity
@Table(name = "pop")
public class Pop {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String address;

	private @Nullable BigDecimal latitude;

	private @Nullable BigDecimal longitude;

	private @Nullable String notes;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Pop() {
		this.id = new UUID(0, 0);
		this.name = "";
		this.address = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Pop(UUID id, PopDetails details, Instant now) {
		this.id = id;
		this.name = details.name();
		this.address = details.address();
		this.createdAt = now;
		apply(details, now);
	}

	public UUID id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	public String address() {
		return this.address;
	}

	public @Nullable Coordinates coordinates() {
		return (this.latitude != null && this.longitude != null) ? new Coordinates(this.latitude, this.longitude)
				: null;
	}

	public @Nullable String notes() {
		return this.notes;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public long version() {
		return this.version;
	}

	void apply(PopDetails details, Instant now) {
		this.name = details.name();
		this.address = details.address();
		Coordinates coordinates = details.coordinates();
		this.latitude = (coordinates != null) ? coordinates.latitude() : null;
		this.longitude = (coordinates != null) ? coordinates.longitude() : null;
		this.notes = details.notes();
		this.updatedAt = now;
	}

}
