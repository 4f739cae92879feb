package io.towerline.core.lifecycle;

import java.util.UUID;

import io.towerline.core.plan.PlanReferences;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** A plan the lifecycle policy moves subscribers to cannot be deleted. */
@Component
class LifecyclePlanReferences implements PlanReferences {

	private final LifecyclePolicies policies;

	LifecyclePlanReferences(LifecyclePolicies policies) {
		this.policies = policies;
	}

	@Override
	public @Nullable String usageOf(UUID planId) {
		return this.policies.uses(planId) ? "the lifecycle policy pointing at it as grace or suspended plan" : null;
	}

}
