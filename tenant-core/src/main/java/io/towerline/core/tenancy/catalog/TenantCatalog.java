package io.towerline.core.tenancy.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.OnMainCluster;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the tenant catalog and changes a tenant's status or tier. Platform-admin
 * territory.
 */
// platform tables only: served from main whichever tenant is bound (issue 14, ADR 0183)
@OnMainCluster
@Service
public class TenantCatalog {

	private static final Sort BY_SLUG = Sort.by("slug");

	private static final int MAX_REASON = 500;

	private final TenantRepository tenants;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TenantCatalog(TenantRepository tenants, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.tenants = tenants;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	public Optional<Tenant> find(TenantId id) {
		// the catalog is on main, also when the caller serves a tenant on another cluster
		return TenantContext.callWithoutTenant(() -> this.tenants.findById(id.slug()));
	}

	public Tenant get(TenantId id) {
		return find(id).orElseThrow(() -> new NotFoundException("Tenant", id));
	}

	/** Every tenant that is served now. */
	public List<TenantId> activeTenants() {
		return this.tenants.findByStatus(TenantStatus.ACTIVE).stream().map(Tenant::id).toList();
	}

	/** One page of tenants ordered by slug. */
	public Window<Tenant> list(ScrollPosition position, int limit) {
		return list(null, position, limit);
	}

	/**
	 * One page of tenants ordered by slug; with a search text, only those whose slug or
	 * display name contains it (ignoring case).
	 */
	public Window<Tenant> list(@Nullable String search, ScrollPosition position, int limit) {
		String text = (search != null) ? search.strip() : "";
		if (text.isEmpty()) {
			return this.tenants.findBy(position, Limit.of(limit), BY_SLUG);
		}
		return this.tenants.findBySlugContainingIgnoreCaseOrDisplayNameContainingIgnoreCase(text, text, position,
				Limit.of(limit), BY_SLUG);
	}

	public Tenant suspend(TenantId id, @Nullable String reason) {
		String cleanReason = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (cleanReason != null && cleanReason.length() > MAX_REASON) {
			throw new InvalidInputException(
					FieldError.invalid("reason", "The reason must be at most " + MAX_REASON + " characters"));
		}
		Tenant tenant = this.transactions.execute((tx) -> {
			Tenant current = get(id);
			if (current.status() != TenantStatus.ACTIVE && current.status() != TenantStatus.SUSPENDED) {
				throw new DomainException(ErrorCode.INVALID_STATE,
						"Tenant " + id + " is " + current.status() + " and cannot be suspended");
			}
			current.changeStatus(TenantStatus.SUSPENDED, cleanReason, this.clock.instant());
			return current;
		});
		this.events.publishEvent(new TenantStatusChanged(id, TenantStatus.SUSPENDED));
		return tenant;
	}

	public Tenant reactivate(TenantId id) {
		Tenant tenant = this.transactions.execute((tx) -> {
			Tenant current = get(id);
			if (current.status() != TenantStatus.SUSPENDED && current.status() != TenantStatus.ACTIVE) {
				throw new DomainException(ErrorCode.INVALID_STATE, "Tenant " + id + " is " + current.status()
						+ " and cannot be reactivated; onboard it again to retry its migration");
			}
			current.changeStatus(TenantStatus.ACTIVE, null, this.clock.instant());
			return current;
		});
		this.events.publishEvent(new TenantStatusChanged(id, TenantStatus.ACTIVE));
		return tenant;
	}

	public Tenant changeTier(TenantId id, RateLimitTier tier) {
		Tenant tenant = this.transactions.execute((tx) -> {
			Tenant current = get(id);
			current.changeTier(tier, this.clock.instant());
			return current;
		});
		this.events.publishEvent(new TenantTierChanged(id, tier));
		return tenant;
	}

	void recordMigrationOutcome(TenantId id, @Nullable String failure) {
		// replicas migrating at once finish the same tenant moments apart: the one that
		// loses the version check reads the row again and decides again (mostly: nothing
		// left to change)
		for (int attempt = 1;; attempt++) {
			try {
				recordMigrationOutcomeOnce(id, failure);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private void recordMigrationOutcomeOnce(TenantId id, @Nullable String failure) {
		TenantStatus status = this.transactions.execute((tx) -> {
			Tenant current = get(id);
			if (failure != null) {
				current.changeStatus(TenantStatus.FAILED, failure, this.clock.instant());
			}
			else if (current.status() == TenantStatus.PROVISIONING || current.status() == TenantStatus.FAILED) {
				current.changeStatus(TenantStatus.ACTIVE, null, this.clock.instant());
			}
			return current.status();
		});
		this.events.publishEvent(new TenantStatusChanged(id, status));
	}

}
