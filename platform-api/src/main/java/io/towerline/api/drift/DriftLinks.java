package io.towerline.api.drift;

import java.util.List;
import java.util.UUID;

import io.towerline.api.drift.DriftInputs.ResolveDriftItemsPayload;
import io.towerline.core.drift.ImportResult;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.Plans;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves the ids that drift payloads and imports carry into the operations, plans and
 * routers they name.
 */
@Controller
class DriftLinks {

	private final RouterOperations operations;

	private final Plans plans;

	private final Routers routers;

	DriftLinks(RouterOperations operations, Plans plans, Routers routers) {
		this.operations = operations;
		this.plans = plans;
		this.routers = routers;
	}

	@SchemaMapping(typeName = "ResolveDriftItemsPayload", field = "operations")
	List<RouterOperation> operations(ResolveDriftItemsPayload payload) {
		return payload.operationIds().stream().map(this.operations::get).toList();
	}

	@SchemaMapping(typeName = "RouterImport", field = "id")
	UUID importId(ImportResult routerImport) {
		return routerImport.operationId();
	}

	@SchemaMapping(typeName = "RouterImport", field = "operation")
	RouterOperation importOperation(ImportResult routerImport) {
		return this.operations.get(routerImport.operationId());
	}

	@SchemaMapping(typeName = "RouterImport", field = "router")
	Router importedRouter(ImportResult routerImport) {
		return this.routers.get(routerImport.routerId());
	}

	@SchemaMapping(typeName = "RouterImport", field = "createdPlans")
	List<Plan> createdPlans(ImportResult routerImport) {
		return this.plans.getAll(routerImport.createdPlanIds());
	}

}
