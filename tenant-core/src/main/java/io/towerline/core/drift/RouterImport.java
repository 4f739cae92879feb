package io.towerline.core.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What one import operation took from its router so far. Counts grow in the same
 * transactions as the plans and subscribers they count, so that a re-run after a crash
 * adds to them instead of counting twice; the skipped list is the last attempt's.
 */
@Entity
@Table(name = "router_import")
class RouterImport {

	@Id
	@Column(name = "operation_id")
	private UUID operationId;

	@Column(name = "router_id", nullable = false)
	private UUID routerId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "created_plan_ids")
	private UUID[] createdPlanIds = new UUID[0];

	@Column(name = "subscribers_created", nullable = false)
	private int subscribersCreated;

	@Column(name = "already_managed", nullable = false)
	private int alreadyManaged;

	@ElementCollection
	@CollectionTable(name = "router_import_skip", joinColumns = @JoinColumn(name = "import_id"))
	@OrderColumn(name = "position")
	private List<Skip> skipped = new ArrayList<>();

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected RouterImport() {
		this.operationId = new UUID(0, 0);
		this.routerId = this.operationId;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	RouterImport(UUID operationId, UUID routerId, Instant now) {
		this();
		this.operationId = operationId;
		this.routerId = routerId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	UUID operationId() {
		return this.operationId;
	}

	int subscribersCreated() {
		return this.subscribersCreated;
	}

	void planCreated(UUID planId, Instant now) {
		UUID[] plans = Arrays.copyOf(this.createdPlanIds, this.createdPlanIds.length + 1);
		plans[plans.length - 1] = planId;
		this.createdPlanIds = plans;
		this.updatedAt = now;
	}

	void subscribersCreated(int count, Instant now) {
		this.subscribersCreated += count;
		this.updatedAt = now;
	}

	/**
	 * The attempt is over: what it found already managed (less what earlier attempts of
	 * this import created) and what it left.
	 */
	void finished(int managedOnRouter, int createdBeforeThisAttempt, List<ImportResult.Skipped> skipped, Instant now) {
		this.alreadyManaged = Math.max(0, managedOnRouter - createdBeforeThisAttempt);
		this.skipped.clear();
		skipped.forEach(
				(skip) -> this.skipped.add(new Skip(skip.object(), clip(skip.name(), 200), clip(skip.reason(), 500))));
		this.updatedAt = now;
	}

	ImportResult result() {
		return new ImportResult(this.operationId, this.routerId, List.of(this.createdPlanIds), this.subscribersCreated,
				this.alreadyManaged,
				this.skipped.stream()
					.map((skip) -> new ImportResult.Skipped(skip.object, skip.name, skip.reason))
					.toList());
	}

	private static String clip(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	@Embeddable
	static class Skip {

		@Enumerated(EnumType.STRING)
		@Column(nullable = false)
		private DriftObject object;

		@Column(nullable = false)
		private String name;

		@Column(nullable = false)
		private String reason;

		protected Skip() {
			this.object = DriftObject.SECRET;
			this.name = "";
			this.reason = "";
		}

		Skip(DriftObject object, String name, String reason) {
			this.object = object;
			this.name = name;
			this.reason = reason;
		}

	}

}
