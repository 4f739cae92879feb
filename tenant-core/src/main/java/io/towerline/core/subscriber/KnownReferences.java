package io.towerline.core.subscriber;

import java.util.Set;
import java.util.UUID;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's plan and router ids, loaded once for a bulk request so that each row is
 * checked without queries.
 *
 * @param planIds every plan id of the tenant
 * @param routerIds every router id of the tenant
 */
record KnownReferences(Set<UUID> planIds, Set<UUID> routerIds) {

	UUID plan(@Nullable UUID id) {
		if (id == null) {
			throw new InvalidInputException(FieldError.invalid("planId", "A plan is required"));
		}
		if (!this.planIds.contains(id)) {
			throw new InvalidInputException(new FieldError("planId", ErrorCode.NOT_FOUND, "No such plan"));
		}
		return id;
	}

	UUID router(UUID id) {
		if (!this.routerIds.contains(id)) {
			throw new InvalidInputException(new FieldError("routerId", ErrorCode.NOT_FOUND, "No such router"));
		}
		return id;
	}

}
