package io.towerline.api.drift;

import java.util.List;
import java.util.UUID;

import io.towerline.api.drift.DriftInputs.CheckDriftInput;
import io.towerline.api.drift.DriftInputs.CheckDriftPayload;
import io.towerline.api.drift.DriftInputs.ImportRouterInput;
import io.towerline.api.drift.DriftInputs.ImportRouterPayload;
import io.towerline.api.drift.DriftInputs.ResolveDriftItemsInput;
import io.towerline.api.drift.DriftInputs.ResolveDriftItemsPayload;
import io.towerline.api.drift.DriftInputs.SetAutomaticDriftRepairInput;
import io.towerline.api.drift.DriftInputs.SetAutomaticDriftRepairPayload;
import io.towerline.api.graphql.Pages;
import io.towerline.core.actor.Actor;
import io.towerline.core.drift.DriftChecks;
import io.towerline.core.drift.DriftItem;
import io.towerline.core.drift.DriftItemState;
import io.towerline.core.drift.DriftReport;
import io.towerline.core.drift.DriftReports;
import io.towerline.core.drift.DriftResolutions;
import io.towerline.core.drift.DriftSettings;
import io.towerline.core.drift.ImportResult;
import io.towerline.core.drift.RouterImports;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * Reads for every tenant role; checks, actions and import for operators and tenant
 * admins; the automatic repair switch for tenant admins. Another tenant's report or
 * router is NOT_FOUND, exactly like one that does not exist.
 */
@Controller
class DriftController {

	private final DriftReports reports;

	private final DriftChecks checks;

	private final DriftResolutions resolutions;

	private final RouterImports routerImports;

	private final Routers routers;

	DriftController(DriftReports reports, DriftChecks checks, DriftResolutions resolutions, RouterImports routerImports,
			Routers routers) {
		this.reports = reports;
		this.checks = checks;
		this.resolutions = resolutions;
		this.routerImports = routerImports;
		this.routers = routers;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Window<DriftReport> driftReports(@Argument UUID routerId, ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.reports.list(routerId, page.position(), page.size());
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	DriftReport driftReport(@Argument UUID id) {
		return this.reports.get(id);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	DriftSettings driftSettings() {
		return this.reports.settings();
	}

	@SchemaMapping(typeName = "DriftReport", field = "items")
	Window<DriftItem> items(DriftReport report, @Argument @Nullable DriftItemState state, ScrollSubrange subrange) {
		Pages.PageRequest page = Pages.of(subrange);
		return this.reports.items(report.id(), state, page.position(), page.size());
	}

	@SchemaMapping(typeName = "DriftReport", field = "router")
	Router router(DriftReport report) {
		return this.routers.get(report.routerId());
	}

	@SchemaMapping(typeName = "DriftReport", field = "durationMs")
	long durationMs(DriftReport report) {
		return report.took().toMillis();
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	CheckDriftPayload checkDrift(@Argument CheckDriftInput input, Authentication caller) {
		return new CheckDriftPayload(this.checks.check(input.routerId(), actor(caller)), List.of());
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	ResolveDriftItemsPayload resolveDriftItems(@Argument ResolveDriftItemsInput input, Authentication caller) {
		try {
			return ResolveDriftItemsPayload.of(this.resolutions.resolve(input.request(), actor(caller)));
		}
		catch (InvalidInputException ex) {
			return ResolveDriftItemsPayload.failed(ex.errors());
		}
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	ImportRouterPayload importRouter(@Argument ImportRouterInput input, Authentication caller) {
		RouterOperation operation = this.routerImports.start(input.routerId(), actor(caller));
		return new ImportRouterPayload(operation, this.routerImports.get(operation.id()), List.of());
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	ImportResult routerImport(@Argument UUID id) {
		return this.routerImports.get(id);
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	SetAutomaticDriftRepairPayload setAutomaticDriftRepair(@Argument SetAutomaticDriftRepairInput input,
			Authentication caller) {
		return new SetAutomaticDriftRepairPayload(this.reports.changeAutomaticRepair(input.enabled(), actor(caller)),
				List.of());
	}

	private static Actor actor(Authentication caller) {
		return Actor.user(caller.getName());
	}

}
