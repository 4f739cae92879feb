package io.towerline.core.tenantmove;

import java.time.Instant;
import java.util.UUID;

import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One move of a tenant between clusters.
 *
 * @param id the move's id (also its job's)
 * @param tenant the tenant moving
 * @param fromCluster where its schema was
 * @param toCluster where it goes
 * @param step how far it got
 * @param requestedBy who asked
 * @param rowsCopied rows copied, once copied
 * @param error why it was rolled back
 * @param createdAt when it was asked for
 * @param updatedAt when it last advanced
 */
public record TenantMove(UUID id, TenantId tenant, String fromCluster, String toCluster, TenantMoveStep step,
		String requestedBy, @Nullable Long rowsCopied, @Nullable String error, Instant createdAt, Instant updatedAt) {

}
