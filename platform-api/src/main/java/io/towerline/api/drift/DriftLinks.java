package io.towerline.api.drift;

import java.util.List;

import io.towerline.api.drift.DriftInputs.ImportRouterPayload;
import io.towerline.api.drift.DriftInputs.ResolveDriftItemsPayload;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.Plan;
import io.towerline.core.plan.Plans;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Resolves the ids that drift payloads carry into the operations and plans they name. */
@Controller
class DriftLinks {

	private final RouterOperations operations;

	private final Plans plans;

	DriftLinks(RouterOperations operations, Plans plans) {
		this.operations = operations;
		this.plans = plans;
	}

	@SchemaMapping(typeName = "ResolveDriftItemsPayload", field = "operations")
	List<RouterOperation> operations(ResolveDriftItemsPayload payload) {
		return payload.operationIds().stream().map(this.operations::get).toList();
	}

	@SchemaMapping(typeName = "ImportRouterPayload", field = "createdPlans")
	List<Plan> createdPlans(ImportRouterPayload payload) {
		return this.plans.getAll(payload.createdPlanIds());
	}

}
