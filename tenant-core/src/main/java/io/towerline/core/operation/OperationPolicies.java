package io.towerline.core.operation;

import java.time.Clock;
import java.time.Duration;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's operation policy: how long its operations wait for a router that
 * is down or refuses its credentials. Tenants may shorten or lengthen the platform's
 * default within bounds.
 */
@Service
@Transactional
public class OperationPolicies {

	/** The longest wait a tenant may choose. */
	static final Duration LONGEST_ROUTER_WAIT = Duration.ofDays(90);

	private final OperationPolicyRepository policies;

	private final OperationProperties properties;

	private final Clock clock;

	OperationPolicies(OperationPolicyRepository policies, OperationProperties properties, Clock clock) {
		this.policies = policies;
		this.properties = properties;
		this.clock = clock;
	}

	/** The tenant's policy; a default one (not stored) when it never set one. */
	@Transactional(readOnly = true)
	public OperationPolicy current() {
		return this.policies.findById(OperationPolicy.SINGLE_ROW).orElseGet(OperationPolicy::defaults);
	}

	/**
	 * How long the tenant's operations wait for a router: its own value or the default.
	 */
	@Transactional(readOnly = true)
	public Duration routerWait() {
		Duration own = current().routerWait();
		return (own != null) ? own : this.properties.routerWait();
	}

	/** The platform's default wait. */
	public Duration defaultRouterWait() {
		return this.properties.routerWait();
	}

	/**
	 * Sets the tenant's router wait; null returns to the platform default. Applies to
	 * waiting operations at their next try.
	 * @throws InvalidInputException when it is not between one second and
	 * {@link #LONGEST_ROUTER_WAIT}
	 */
	public OperationPolicy setRouterWait(@Nullable Duration routerWait, Actor actor) {
		if (routerWait != null && (routerWait.toSeconds() < 1 || routerWait.compareTo(LONGEST_ROUTER_WAIT) > 0)) {
			throw new InvalidInputException(FieldError.invalid("routerWaitSeconds",
					"The router wait must be between 1 second and " + LONGEST_ROUTER_WAIT.toDays() + " days"));
		}
		OperationPolicy policy = this.policies.findById(OperationPolicy.SINGLE_ROW)
			.orElseGet(OperationPolicy::defaults);
		policy.change(routerWait, actor, this.clock.instant());
		return this.policies.save(policy);
	}

}
