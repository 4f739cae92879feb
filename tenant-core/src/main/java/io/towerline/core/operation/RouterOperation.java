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

	/**
	 * Stable code of the last failure, e.g. ROUTER_UNREACHABLE or ROUTER_WAIT_EXPIRED.
	 */
	@Column(name = "error_code")
	private @Nullable String errorCode;

	/**
	 * What the operation serialises on: operations of one router with the same key never
	 * run at once (see {@link OperationRequest#lockKey()}).
	 */
	@Column(name = "lock_key", nullable = false)
	private String lockKey;

	@Enumerated(EnumType.STRING)
	@Column(name = "wait_reason")
	private @Nullable WaitReason waitReason;

	/**
	 * Since when the operation has not reached its router; the router-wait policy counts
	 * from here.
	 */
	@Column(name = "waiting_since")
	private @Nullable Instant waitingSince;

	@Column(name = "next_attempt_at")
	private @Nullable Instant nextAttemptAt;

	/** Tries that did not reach the router; they spend no attempt. */
	@Column(name = "unreachable_tries", nullable = false)
	private int unreachableTries;

	@Column(name = "superseded_by")
	private @Nullable UUID supersededBy;

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
		this.lockKey = "";
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
		this.lockKey = request.lockKey();
		this.nextAttemptAt = now;
		this.requestedBy = request.requestedBy().value();
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

	public @Nullable String errorCode() {
		return this.errorCode;
	}

	String lockKey() {
		return this.lockKey;
	}

	public @Nullable WaitReason waitReason() {
		return this.waitReason;
	}

	public @Nullable Instant waitingSince() {
		return this.waitingSince;
	}

	/** When the next try is due, while the operation is QUEUED or WAITING_FOR_ROUTER. */
	public @Nullable Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	public int unreachableTries() {
		return this.unreachableTries;
	}

	public @Nullable UUID supersededBy() {
		return this.supersededBy;
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
		this.attempts++;
		this.lastError = note;
		this.errorCode = null;
		reachedRouter();
		this.progressDone = this.progressTotal - this.progressFailed;
		this.finishedAt = now;
		this.updatedAt = now;
	}

	/** A try that reached the router (or never needed it) failed: one attempt spent. */
	void attemptFailed(TryFailure failure, @Nullable Instant nextAttempt, Instant now) {
		this.attempts++;
		this.lastError = failure.describe();
		this.errorCode = failure.code();
		reachedRouter();
		this.status = (nextAttempt != null) ? OperationStatus.QUEUED : OperationStatus.FAILED;
		this.nextAttemptAt = nextAttempt;
		this.finishedAt = (nextAttempt != null) ? null : now;
		this.updatedAt = now;
	}

	/**
	 * A try that did not get through to the router: no attempt spent; the operation waits
	 * (router down, credentials refused) or is retried soon (exchange broke).
	 */
	void routerUnavailable(TryFailure failure, Instant nextAttempt, Instant now) {
		this.unreachableTries++;
		this.lastError = failure.describe();
		this.errorCode = failure.code();
		this.waitReason = failure.waitReason();
		this.status = (failure.waitReason() != null) ? OperationStatus.WAITING_FOR_ROUTER : OperationStatus.QUEUED;
		if (this.waitingSince == null) {
			this.waitingSince = now;
		}
		this.nextAttemptAt = nextAttempt;
		this.updatedAt = now;
	}

	/** The router stayed unavailable longer than the router-wait policy allows. */
	void gaveUpWaiting(String code, String error, Instant now) {
		this.status = OperationStatus.FAILED;
		this.errorCode = code;
		this.lastError = error;
		this.nextAttemptAt = null;
		this.finishedAt = now;
		this.updatedAt = now;
	}

	/** A newer operation of the same kind and key carries the latest state. */
	void superseded(UUID newer, Instant now) {
		this.status = OperationStatus.SUPERSEDED;
		this.supersededBy = newer;
		this.nextAttemptAt = null;
		this.finishedAt = now;
		this.updatedAt = now;
	}

	/**
	 * Stopped by a shutdown at a safe point: queued again, due at once, and the
	 * interrupted try spends nothing.
	 */
	void handedBack(String where, Instant now) {
		this.status = OperationStatus.QUEUED;
		this.lastError = "Handed back at shutdown (" + where + "); resumes at once";
		this.nextAttemptAt = now;
		this.updatedAt = now;
	}

	void requeued(Instant now) {
		this.status = OperationStatus.QUEUED;
		this.attempts = 0;
		this.unreachableTries = 0;
		reachedRouter();
		this.nextAttemptAt = now;
		this.finishedAt = null;
		this.updatedAt = now;
	}

	private void reachedRouter() {
		this.waitReason = null;
		this.waitingSince = null;
	}

}
