package io.towerline.core.tenancy.catalog;

import java.time.Instant;

import io.towerline.core.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** One ISP in the catalog. Lives in {@code public}; its data lives in its own schema. */
@Entity
@Table(schema = "public", name = "tenant")
public class Tenant {

	/** The cluster of {@code spring.datasource}, where the platform tables live too. */
	public static final String MAIN_CLUSTER = "main";

	@Id
	private String slug;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TenantStatus status;

	@Column(name = "status_reason")
	private @Nullable String statusReason;

	@Enumerated(EnumType.STRING)
	@Column(name = "rate_limit_tier", nullable = false)
	private RateLimitTier rateLimitTier;

	@Column(nullable = false)
	private String cluster;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Tenant() {
		this.slug = "";
		this.displayName = "";
		this.status = TenantStatus.PROVISIONING;
		this.rateLimitTier = RateLimitTier.STARTER;
		this.cluster = MAIN_CLUSTER;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Tenant(TenantId id, String displayName, RateLimitTier tier, String cluster, Instant now) {
		this.slug = id.slug();
		this.displayName = displayName;
		this.status = TenantStatus.PROVISIONING;
		this.rateLimitTier = tier;
		this.cluster = cluster;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public TenantId id() {
		return TenantId.of(this.slug);
	}

	public String displayName() {
		return this.displayName;
	}

	public TenantStatus status() {
		return this.status;
	}

	/** Why the tenant is suspended or failed; {@code null} while it is healthy. */
	public @Nullable String statusReason() {
		return this.statusReason;
	}

	public RateLimitTier rateLimitTier() {
		return this.rateLimitTier;
	}

	/** The PostgreSQL cluster holding this tenant's schema (ADR 0167). */
	public String cluster() {
		return this.cluster;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	void changeStatus(TenantStatus status, @Nullable String reason, Instant now) {
		this.status = status;
		this.statusReason = reason;
		this.updatedAt = now;
	}

	void changeTier(RateLimitTier tier, Instant now) {
		this.rateLimitTier = tier;
		this.updatedAt = now;
	}

}
