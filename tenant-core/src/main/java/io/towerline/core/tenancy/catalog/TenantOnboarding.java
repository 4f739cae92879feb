package io.towerline.core.tenancy.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.InvalidTenantSlugException;
import io.towerline.core.tenancy.TenantId;
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

	TenantOnboarding(TenantRepository tenants, TenantCatalog catalog, TenantSchemaMigrator migrator,
			TransactionTemplate transactions, Clock clock) {
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
		TenantId id = validate(slug, displayName);
		boolean created = registerIfAbsent(id, displayName.strip(), tier);
		String failure = null;
		try {
			int applied = this.migrator.migrate(id);
			log.info("Tenant {} schema {} migrated ({} changesets applied)", id, id.schemaName(), applied);
		}
		catch (TenantMigrationException ex) {
			failure = ex.reason();
			log.error("Tenant {} could not be migrated: {}", id, ex.reason(), ex);
		}
		this.catalog.recordMigrationOutcome(id, failure);
		return new Onboarded(this.catalog.get(id), created);
	}

	private boolean registerIfAbsent(TenantId id, String displayName, RateLimitTier tier) {
		try {
			Boolean created = this.transactions.execute((tx) -> {
				if (this.tenants.existsById(id.slug())) {
					return false;
				}
				this.tenants.saveAndFlush(new Tenant(id, displayName, tier, this.clock.instant()));
				return true;
			});
			return Boolean.TRUE.equals(created);
		}
		catch (DataIntegrityViolationException ex) {
			// a concurrent onboarding of the same slug won the insert; carry on
			// idempotently
			return false;
		}
	}

	private static TenantId validate(String slug, String displayName) {
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
		if (!errors.isEmpty() || id == null) {
			throw new InvalidInputException(errors);
		}
		return id;
	}

	/**
	 * Outcome of onboarding.
	 *
	 * @param tenant the tenant as it now stands (ACTIVE, or FAILED with the reason)
	 * @param created whether this call created it, rather than finding it already
	 * registered
	 */
	public record Onboarded(Tenant tenant, boolean created) {

	}

}
