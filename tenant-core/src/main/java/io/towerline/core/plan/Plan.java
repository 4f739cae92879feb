package io.towerline.core.plan;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A package the ISP sells; its PPP profile on every router carries the name and the rate
 * limit.
 */
@Entity
@Table(name = "plan")
public class Plan {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Column(name = "profile_name", nullable = false)
	private String profileName;

	@Column(name = "rate_limit", nullable = false)
	private String rateLimit;

	@Column(name = "grace_plan_id")
	private @Nullable UUID gracePlanId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Plan() {
		this.id = new UUID(0, 0);
		this.name = "";
		this.profileName = "";
		this.rateLimit = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Plan(UUID id, PlanDetails details, Instant now) {
		this();
		this.id = id;
		this.createdAt = now;
		apply(details, now);
	}

	public UUID id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	/** Name of the PPP profile on the routers. */
	public String profileName() {
		return this.profileName;
	}

	public RateLimit rateLimit() {
		return RateLimit.parse(this.rateLimit);
	}

	/**
	 * The rate limit as routers take it ({@link RateLimit#toRouterOs()}), as stored: no
	 * parsing, for reads of many plans.
	 */
	public String routerRateLimit() {
		return this.rateLimit;
	}

	public @Nullable UUID gracePlanId() {
		return this.gracePlanId;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	void apply(PlanDetails details, Instant now) {
		this.name = details.name();
		this.profileName = details.profileName();
		this.rateLimit = details.rateLimit().toRouterOs();
		this.gracePlanId = details.gracePlanId();
		this.updatedAt = now;
	}

}
