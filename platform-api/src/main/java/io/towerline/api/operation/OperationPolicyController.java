package io.towerline.api.operation;

import java.time.Duration;
import java.util.List;

import io.towerline.api.security.Actors;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.operation.OperationPolicies;
import io.towerline.core.operation.OperationPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The tenant's operation policy: readable by every tenant role, set by tenant admins. */
@Controller
class OperationPolicyController {

	private final OperationPolicies policies;

	OperationPolicyController(OperationPolicies policies) {
		this.policies = policies;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	PolicyView operationPolicy() {
		return view(this.policies.current());
	}

	@MutationMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	PolicyPayload setOperationPolicy(@Argument SetOperationPolicyInput input) {
		try {
			Duration wait = (input.routerWaitSeconds() != null) ? Duration.ofSeconds(input.routerWaitSeconds()) : null;
			return new PolicyPayload(view(this.policies.setRouterWait(wait, Actors.current())), List.of());
		}
		catch (InvalidInputException ex) {
			return new PolicyPayload(null, ex.errors());
		}
	}

	private PolicyView view(OperationPolicy policy) {
		Duration own = policy.routerWait();
		Duration fallback = this.policies.defaultRouterWait();
		return new PolicyView((own != null) ? own.toSeconds() : fallback.toSeconds(), own == null,
				fallback.toSeconds());
	}

	record SetOperationPolicyInput(@Nullable Integer routerWaitSeconds) {

	}

	record PolicyView(double routerWaitSeconds, boolean isDefault, double defaultRouterWaitSeconds) {

	}

	record PolicyPayload(@Nullable PolicyView policy, List<FieldError> errors) {

	}

}
