package io.towerline.core.drift;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A difference staff chose to live with on one router, matched by object, kind and name
 * on every later check until it is taken back.
 */
@Entity
@Table(name = "drift_ignore")
class DriftIgnore {

	@Id
	private UUID id;

	@Column(name = "router_id", nullable = false)
	private UUID routerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DriftObject object;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DriftKind kind;

	@Column(nullable = false)
	private String name;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	protected DriftIgnore() {
		this.id = new UUID(0, 0);
		this.routerId = this.id;
		this.object = DriftObject.SECRET;
		this.kind = DriftKind.MISSING;
		this.name = "";
		this.createdAt = Instant.EPOCH;
		this.createdBy = "";
	}

	DriftIgnore(UUID routerId, DriftItem.IgnoreKey key, String createdBy, Instant now) {
		this();
		this.id = UUID.randomUUID();
		this.routerId = routerId;
		this.object = key.object();
		this.kind = key.kind();
		this.name = key.name();
		this.createdBy = createdBy;
		this.createdAt = now;
	}

	DriftItem.IgnoreKey key() {
		return new DriftItem.IgnoreKey(this.object, this.kind, this.name);
	}

}
