package io.towerline.core.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

	@Column(name = "local_address")
	private @Nullable String localAddress;

	@Column(name = "remote_address")
	private @Nullable String remoteAddress;

	@Column(name = "pool_ranges")
	private @Nullable String poolRanges;

	/** Comma separated, as RouterOS writes them. */
	@Column(name = "dns_servers")
	private @Nullable String dnsServers;

	@Column(name = "only_one")
	private @Nullable Boolean onlyOne;

	@Column(name = "address_list")
	private @Nullable String addressList;

	@Column(name = "parent_queue")
	private @Nullable String parentQueue;

	@Column(name = "session_timeout_seconds")
	private @Nullable Long sessionTimeoutSeconds;

	@Column(name = "idle_timeout_seconds")
	private @Nullable Long idleTimeoutSeconds;

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

	/** What the plan sets on its profile besides the rate. */
	public ProfileSettings profileSettings() {
		return new ProfileSettings(this.localAddress, this.remoteAddress, this.poolRanges,
				(this.dnsServers != null) ? List.of(this.dnsServers.split(",")) : List.of(), this.onlyOne,
				this.addressList, this.parentQueue, seconds(this.sessionTimeoutSeconds),
				seconds(this.idleTimeoutSeconds));
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * The plan's version: one more with every change, so an edit made on an older read
	 * can be told apart (ADR 0260).
	 */
	public long version() {
		return this.version;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	void apply(PlanDetails details, Instant now) {
		this.name = details.name();
		this.profileName = details.profileName();
		this.rateLimit = details.rateLimit().toRouterOs();
		this.gracePlanId = details.gracePlanId();
		ProfileSettings settings = details.settings();
		this.localAddress = settings.localAddress();
		this.remoteAddress = settings.remoteAddress();
		this.poolRanges = settings.poolRanges();
		this.dnsServers = settings.dnsServerText();
		this.onlyOne = settings.onlyOne();
		this.addressList = settings.addressList();
		this.parentQueue = settings.parentQueue();
		this.sessionTimeoutSeconds = (settings.sessionTimeout() != null) ? settings.sessionTimeout().getSeconds()
				: null;
		this.idleTimeoutSeconds = (settings.idleTimeout() != null) ? settings.idleTimeout().getSeconds() : null;
		this.updatedAt = now;
	}

	private static @Nullable Duration seconds(@Nullable Long seconds) {
		return (seconds != null) ? Duration.ofSeconds(seconds) : null;
	}

}
