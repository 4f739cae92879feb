package io.towerline.api.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.api.graphql.Pages;
import io.towerline.api.plan.PlanInputs.PlanInput;
import io.towerline.api.plan.PlanInputs.PlanPayload;
import io.towerline.api.security.Actors;
import io.towerline.core.actor.Actor;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.operation.StartedOperations;
import io.towerline.core.operation.StartedOperations.Started;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.PlanListing;
import io.towerline.core.plan.PlanOrder;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.ProfileSettings;
import io.towerline.core.plan.RateLimit;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Plans: reads for every tenant role, changes for operators and tenant admins. */
@Controller
class PlanController {

	private final Plans plans;

	private final PlanListing listing;

	PlanController(Plans plans, PlanListing listing) {
		this.listing = listing;
		this.plans = plans;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Window<Plan> plans(@Argument @Nullable PlanOrder orderBy, @Argument @Nullable Boolean descending,
			ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.listing.find((orderBy != null) ? orderBy : PlanOrder.NAME, Boolean.TRUE.equals(descending),
				page.position(), page.size());
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Plan plan(@Argument UUID id) {
		return this.plans.get(id);
	}

	@SchemaMapping(typeName = "Plan", field = "downloadRate")
	long downloadRate(Plan plan) {
		return plan.rateLimit().downloadBps();
	}

	@SchemaMapping(typeName = "Plan", field = "uploadRate")
	long uploadRate(Plan plan) {
		return plan.rateLimit().uploadBps();
	}

	@SchemaMapping(typeName = "Plan", field = "burst")
	RateLimit.@Nullable Burst burst(Plan plan) {
		return plan.rateLimit().burst();
	}

	@SchemaMapping(typeName = "Plan", field = "profile")
	ProfileSettings profile(Plan plan) {
		return plan.profileSettings();
	}

	@SchemaMapping(typeName = "PlanProfileSettings", field = "sessionTimeoutSeconds")
	@Nullable Long sessionTimeoutSeconds(ProfileSettings settings) {
		return (settings.sessionTimeout() != null) ? settings.sessionTimeout().getSeconds() : null;
	}

	@SchemaMapping(typeName = "PlanProfileSettings", field = "idleTimeoutSeconds")
	@Nullable Long idleTimeoutSeconds(ProfileSettings settings) {
		return (settings.idleTimeout() != null) ? settings.idleTimeout().getSeconds() : null;
	}

	@SchemaMapping(typeName = "Burst", field = "downloadRate")
	long burstDownload(RateLimit.Burst burst) {
		return burst.downloadBps();
	}

	@SchemaMapping(typeName = "Burst", field = "uploadRate")
	long burstUpload(RateLimit.Burst burst) {
		return burst.uploadBps();
	}

	@SchemaMapping(typeName = "Burst", field = "downloadThreshold")
	long burstDownloadThreshold(RateLimit.Burst burst) {
		return burst.downloadThresholdBps();
	}

	@SchemaMapping(typeName = "Burst", field = "uploadThreshold")
	long burstUploadThreshold(RateLimit.Burst burst) {
		return burst.uploadThresholdBps();
	}

	@BatchMapping(typeName = "Plan", field = "gracePlan")
	Map<Plan, Plan> gracePlan(List<Plan> plans) {
		List<UUID> ids = plans.stream().map(Plan::gracePlanId).filter(Objects::nonNull).distinct().toList();
		Map<UUID, Plan> byId = this.plans.getAll(ids).stream().collect(Collectors.toMap(Plan::id, Function.identity()));
		return plans.stream()
			.filter((plan) -> plan.gracePlanId() != null && byId.containsKey(plan.gracePlanId()))
			.collect(Collectors.toMap(Function.identity(), (plan) -> byId.get(plan.gracePlanId())));
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	PlanPayload createPlan(@Argument PlanInput input) {
		try {
			return new PlanPayload(this.plans.create(input.details()), List.of(), List.of());
		}
		catch (InvalidInputException ex) {
			return PlanPayload.refused(ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	DeletePlanPayload deletePlan(@Argument DeletePlanInput input) {
		try {
			this.plans.delete(input.id(), Actors.current());
			return new DeletePlanPayload(input.id(), List.of());
		}
		catch (InvalidInputException ex) {
			return new DeletePlanPayload(null, ex.errors());
		}
	}

	record DeletePlanInput(UUID id) {

	}

	record DeletePlanPayload(@Nullable UUID deletedId, List<FieldError> errors) {

	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	PlanPayload updatePlan(@Argument PlanInput input) {
		try {
			UUID id = Objects.requireNonNull(input.id());
			Integer version = input.version();
			// the routers' operations are enqueued by the plan's event listeners on the
			// caller's behalf (ADR 0264); without a version the edit replaces the plan as
			// it is now (ADR 0260)
			Actor actor = Actors.current();
			Started<Plan> edit = StartedOperations
				.during(() -> (version != null) ? this.plans.update(id, version, input.details(), actor)
						: this.plans.update(id, input.details(), actor));
			return new PlanPayload(edit.result(), edit.operations(), List.of());
		}
		catch (InvalidInputException ex) {
			return PlanPayload.refused(ex.errors());
		}
	}

}
