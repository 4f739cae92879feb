package io.towerline.core.operation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One durable unit of router work and its visible state: status, attempts, last error,
 * progress, who asked.
 */
@Entity
@Table(name = "router_operation")
public class RouterOperation {

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OperationKind kind;

	@Column(name = "router_id", nullable = false)
	private UUID routerId;

	@Column(name = "subscriber_id")
	private @Nullable UUID subscriberId;

	@Column(name = "plan_id")
	private @Nullable UUID planId;

	/** The secret name for REMOVE_SECRET; a description of the subject otherwise. */
	private @Nullable String subject;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "subscriber_ids")
	private UUID @Nullable [] subscriberIds;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OperationStatus status;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "last_error")
	private @Nullable String lastError;

	@Column(name = "progress_done", nullable = false)
	private int progressDone;

	@Column(name = "progress_total", nullable = false)
	private int progressTotal;

	@Column(name = "progress_failed", nullable = false)
	private int progressFailed;

	@Column(name = "requested_by", nullable = false)
	private String requestedBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "finished_at")
	private @Nullable Instant finishedAt;

	@Version
	private long version;

	protected RouterOperation() {
		this.id = new UUID(0, 0);
		this.kind = OperationKind.SYNC_SUBSCRIBER;
		this.routerId = this.id;
		this.status = OperationStatus.QUEUED;
		this.requestedBy = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	RouterOperation(OperationRequest request, Instant now) {
		this();
		this.id = UUID.randomUUID();
		this.kind = request.kind();
		this.routerId = request.routerId();
		this.subscriberId = request.subscriberId();
		this.planId = request.planId();
		this.subject = request.subject();
		this.subscriberIds = request.subscriberIds().isEmpty() ? null : request.subscriberIds().toArray(new UUID[0]);
		this.progressTotal = Math.max(1, request.subscriberIds().size());
		this.requestedBy = request.requestedBy();
		this.createdAt = now;
		this.updatedAt = now;
	}

	public UUID id() {
		return this.id;
	}

	public OperationKind kind() {
		return this.kind;
	}

	public UUID routerId() {
		return this.routerId;
	}

	public @Nullable UUID subscriberId() {
		return this.subscriberId;
	}

	public @Nullable UUID planId() {
		return this.planId;
	}

	public @Nullable String subject() {
		return this.subject;
	}

	public List<UUID> subscriberIds() {
		return (this.subscriberIds != null) ? List.of(this.subscriberIds) : List.of();
	}

	public OperationStatus status() {
		return this.status;
	}

	public int attempts() {
		return this.attempts;
	}

	public @Nullable String lastError() {
		return this.lastError;
	}

	public int progressDone() {
		return this.progressDone;
	}

	public int progressTotal() {
		return this.progressTotal;
	}

	public int progressFailed() {
		return this.progressFailed;
	}

	public String requestedBy() {
		return this.requestedBy;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public @Nullable Instant finishedAt() {
		return this.finishedAt;
	}

	void started(Instant now) {
		this.status = OperationStatus.RUNNING;
		this.attempts++;
		this.updatedAt = now;
	}

	void progressed(int done, int failed, Instant now) {
		this.progressDone = done;
		this.progressFailed = failed;
		this.updatedAt = now;
	}

	void expected(int total, Instant now) {
		this.progressTotal = Math.max(1, total);
		this.updatedAt = now;
	}

	void succeeded(@Nullable String note, Instant now) {
		this.status = OperationStatus.SUCCEEDED;
		this.lastError = note;
		this.progressDone = this.progressTotal - this.progressFailed;
		this.finishedAt = now;
		this.updatedAt = now;
	}

	void attemptFailed(String error, boolean final_, Instant now) {
		this.lastError = error;
		this.status = final_ ? OperationStatus.FAILED : OperationStatus.QUEUED;
		this.finishedAt = final_ ? now : null;
		this.updatedAt = now;
	}

	void requeued(Instant now) {
		this.status = OperationStatus.QUEUED;
		this.attempts = 0;
		this.finishedAt = null;
		this.updatedAt = now;
	}

}
