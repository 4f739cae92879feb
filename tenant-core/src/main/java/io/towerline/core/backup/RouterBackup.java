package io.towerline.core.backup;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One backup taken of a router. An unchanged backup (same content hash as the router's
 * previous backup of its kind) shares that backup's blob instead of storing the content
 * again.
 */
@Entity
@Table(name = "router_backup")
public class RouterBackup {

	@Id
	private UUID id;

	@Column(name = "router_id", nullable = false)
	private UUID routerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private BackupKind kind;

	@Column(name = "blob_id", nullable = false)
	private UUID blobId;

	@Column(name = "taken_at", nullable = false)
	private Instant takenAt;

	@Column(nullable = false)
	private long size;

	@Column(name = "content_hash", nullable = false)
	private String contentHash;

	@Column(nullable = false)
	private boolean changed;

	@Column(nullable = false)
	private boolean sensitive;

	@Column(name = "router_version")
	private @Nullable String routerVersion;

	@Column(name = "requested_by", nullable = false)
	private String requestedBy;

	@Column(name = "operation_id")
	private @Nullable UUID operationId;

	protected RouterBackup() {
		this.id = UUID.randomUUID();
		this.routerId = this.id;
		this.kind = BackupKind.EXPORT;
		this.blobId = this.id;
		this.takenAt = Instant.EPOCH;
		this.contentHash = "";
		this.requestedBy = "";
	}

	RouterBackup(UUID routerId, BackupKind kind, UUID blobId, Instant takenAt, long size, String contentHash,
			boolean changed, boolean sensitive, @Nullable String routerVersion, String requestedBy,
			@Nullable UUID operationId) {
		this.id = UUID.randomUUID();
		this.routerId = routerId;
		this.kind = kind;
		this.blobId = blobId;
		this.takenAt = takenAt;
		this.size = size;
		this.contentHash = contentHash;
		this.changed = changed;
		this.sensitive = sensitive;
		this.routerVersion = routerVersion;
		this.requestedBy = requestedBy;
		this.operationId = operationId;
	}

	public UUID id() {
		return this.id;
	}

	public UUID routerId() {
		return this.routerId;
	}

	public BackupKind kind() {
		return this.kind;
	}

	UUID blobId() {
		return this.blobId;
	}

	public Instant takenAt() {
		return this.takenAt;
	}

	/** Bytes of plaintext (as the router wrote the file). */
	public long size() {
		return this.size;
	}

	/**
	 * HMAC-SHA-256 of the content under a key of the tenant (an export's date line left
	 * out): equal hashes, equal configuration.
	 */
	public String contentHash() {
		return this.contentHash;
	}

	/** False when the content equals the router's previous backup of this kind. */
	public boolean changed() {
		return this.changed;
	}

	/** Whether an export carries passwords and keys. */
	public boolean sensitive() {
		return this.sensitive;
	}

	public @Nullable String routerVersion() {
		return this.routerVersion;
	}

	public String requestedBy() {
		return this.requestedBy;
	}

	public @Nullable UUID operationId() {
		return this.operationId;
	}

}
