package io.towerline.core.tenancy.catalog;

import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one tenant schema during a migration run.
 *
 * @param tenant the tenant
 * @param appliedChangesets changesets applied in this run (0 when already current)
 * @param failure why it failed, or {@code null}
 */
record TenantMigrationOutcome(TenantId tenant, int appliedChangesets, @Nullable String failure) {

}
