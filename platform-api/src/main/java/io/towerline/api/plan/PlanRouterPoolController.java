package io.towerline.api.plan;

import java.util.List;
import java.util.UUID;

import io.towerline.api.security.Actors;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanRouterPools;
import io.towerline.core.plan.RouterPool;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Maps per-router pool ranges of plans. */
@Controller
class PlanRouterPoolController {

	private final PlanRouterPools pools;

	PlanRouterPoolController(PlanRouterPools pools) {
		this.pools = pools;
	}

	@SchemaMapping(typeName = "Plan", field = "routerPools")
	List<RouterPool> routerPools(Plan plan) {
		return this.pools.of(plan.id());
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	PlanRouterPoolPayload setPlanRouterPool(@Argument SetPlanRouterPoolInput input) {
		try {
			return new PlanRouterPoolPayload(
					this.pools.set(input.planId(), input.routerId(), input.ranges(), Actors.current()), List.of());
		}
		catch (InvalidInputException ex) {
			return new PlanRouterPoolPayload(null, ex.errors());
		}
	}

	record SetPlanRouterPoolInput(UUID planId, UUID routerId, @Nullable String ranges) {

	}

	record PlanRouterPoolPayload(@Nullable List<RouterPool> routerPools, List<FieldError> errors) {

	}

}
