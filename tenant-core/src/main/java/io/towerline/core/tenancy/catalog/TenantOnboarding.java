package io.towerline.core.tenancy.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.InvalidTenantSlugException;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a new tenant to life: catalog row first (PROVISIONING), then its schema and the
 * tenant changelog, then ACTIVE. Idempotent: onboarding an existing tenant again
 * re-applies the changelog (a no-op when current) and is how a tenant whose migration
 * FAILED is retried.
 */
@Service
public class TenantOnboarding {

	private static final Logger log = LoggerFactory.getLogger(TenantOnboarding.class);

	private static final int MAX_DISPLAY_NAME = 120;

	private final TenantRepository tenants;

	private final TenantCatalog catalog;

	private final TenantSchemaMigrator migrator;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final TenantClusters clusters;

	TenantOnboarding(TenantRepository tenants, TenantCatalog catalog, TenantSchemaMigrator migrator,
			TransactionTemplate transactions, Clock clock, TenantClusters clusters) {
		this.clusters = clusters;
		this.tenants = tenants;
		this.catalog = catalog;
		this.migrator = migrator;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Onboards a tenant.
	 * @param slug requested slug; validated before anything touches the database
	 * @throws InvalidInputException when the slug or display name is unacceptable
	 */
	public Onboarded onboard(String slug, String displayName, RateLimitTier tier) {
		return onboard(slug, displayName, tier, null);
	}

	/**
	 * Onboards a tenant onto a named cluster (ADR 0173); {@code null} places it by the
	 * rule of {@link TenantClusters#placeNew()} (ADR 0184). A tenant onboarded again
	 * stays on the cluster it was registered on.
	 * @throws InvalidInputException when the slug, display name or cluster is
	 * unacceptable ({@code UNKNOWN_CLUSTER} for a cluster not configured)
	 */
	public Onboarded onboard(String slug, String displayName, RateLimitTier tier, @Nullable String cluster) {
		String placed = (cluster != null && !cluster.isBlank()) ? cluster.strip() : this.clusters.placeNew();
		TenantId id = validate(slug, displayName, placed);
		@Nullable TenantStatus previous = registerIfAbsent(id, displayName.strip(), tier, placed);
		String failure = null;
		try {
			String home = this.catalog.get(id).cluster();
			int applied = this.migrator.on(this.clusters.dataSource(home)).migrate(id);
			log.info("Tenant {} schema {} migrated on cluster {} ({} changesets applied)", id, id.schemaName(), home,
					applied);
		}
		catch (TenantMigrationException ex) {
			failure = ex.reason();
			log.error("Tenant {} could not be migrated: {}", id, ex.reason(), ex);
		}
		this.catalog.recordMigrationOutcome(id, failure);
		return new Onboarded(this.catalog.get(id), previous);
	}

	/**
	 * Registers the tenant unless it exists; returns the status it already had, or null
	 * when created now.
	 */
	private @Nullable TenantStatus registerIfAbsent(TenantId id, String displayName, RateLimitTier tier,
			String cluster) {
		try {
			return this.transactions.execute((tx) -> {
				Optional<Tenant> existing = this.tenants.findById(id.slug());
				if (existing.isPresent()) {
					return existing.get().status();
				}
				this.tenants.saveAndFlush(new Tenant(id, displayName, tier, cluster, this.clock.instant()));
				return null;
			});
		}
		catch (DataIntegrityViolationException ex) {
			// a concurrent onboarding of the same slug won the insert; carry on
			// idempotently
			return TenantStatus.PROVISIONING;
		}
	}

	private TenantId validate(String slug, String displayName, String cluster) {
		List<FieldError> errors = new ArrayList<>();
		TenantId id = null;
		try {
			id = TenantId.of(slug);
		}
		catch (InvalidTenantSlugException ex) {
			errors.add(new FieldError("slug", ErrorCode.INVALID_TENANT_SLUG, ex.getMessage()));
		}
		String name = (displayName != null) ? displayName.strip() : "";
		if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME) {
			errors.add(
					FieldError.invalid("displayName", "Display name must be 1 to " + MAX_DISPLAY_NAME + " characters"));
		}
		else if (name.chars().anyMatch(Character::isISOControl)) {
			errors.add(FieldError.invalid("displayName", "Display name must not contain control characters"));
		}
		if (!this.clusters.exists(cluster)) {
			errors.add(new FieldError("cluster", ErrorCode.UNKNOWN_CLUSTER,
					"No cluster '" + cluster + "' is configured; known: " + String.join(", ", this.clusters.names())));
		}
		if (!errors.isEmpty() || id == null) {
			throw new InvalidInputException(errors);
		}
		return id;
	}

	/**
	 * Outcome of onboarding.
	 *
	 * @param tenant the tenant as it now stands (ACTIVE, or FAILED with the reason)
	 * @param previousStatus the status it had before this call, or {@code null} when this
	 * call created it
	 */
	public record Onboarded(Tenant tenant, @Nullable TenantStatus previousStatus) {

		/** Whether this call registered the tenant. */
		public boolean created() {
			return this.previousStatus == null;
		}

		/**
		 * Whether the tenant was already onboarded and in service (so this was not a
		 * retry of a failure).
		 */
		public boolean alreadyOnboarded() {
			return this.previousStatus == TenantStatus.ACTIVE || this.previousStatus == TenantStatus.SUSPENDED;
		}

	}

}
