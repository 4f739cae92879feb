package io.towerline.api.throttling;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import io.towerline.api.limits.LimitCode;
import io.towerline.api.limits.OperationCost;

/**
 * Prices each valid operation just before it runs, refuses it when it costs more than one
 * operation may (MAX_COST_EXCEEDED, nothing charged), and charges the caller's buckets,
 * aborting with RATE_LIMITED when they lack the points. Operations that arrive without an
 * {@link OperationCharge} (not through the web interceptor) are left alone.
 */
final class CostInstrumentation extends SimplePerformantInstrumentation {

	private final Throttle limiter;

	private final long maxCost;

	private final TenantSubscriptions subscriptions;

	CostInstrumentation(Throttle limiter, long maxCost, TenantSubscriptions subscriptions) {
		this.limiter = limiter;
		this.maxCost = maxCost;
		this.subscriptions = subscriptions;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		OperationCharge account = execution.getGraphQLContext().get(OperationCharge.class);
		if (account == null) {
			return super.beginExecuteOperation(parameters, state);
		}
		// priced on the syntax tree: building the normalized operation would expand every
		// fragment, which is the work the price must refuse
		long cost = OperationCost
			.of(execution.getDocument(), execution.getOperationDefinition(), execution.getCoercedVariables().toMap(),
					execution.getGraphQLSchema())
			.points();
		account.priced(cost);
		long ceiling = Math.min(this.maxCost, this.limiter.largestCharge(account.caller()));
		if (cost > ceiling) {
			throw new Refusal(
					LimitCode.MAX_COST_EXCEEDED.error(
							"This operation costs " + cost + " points; one operation may cost at most " + ceiling
									+ ". Ask for smaller pages or fewer fields",
							Map.of("cost", cost, "maxCost", ceiling)));
		}
		boolean subscription = execution.getOperationDefinition()
			.getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
		if (subscription) {
			openSubscription(account);
		}
		Charge charge = this.limiter.charge(account.caller(), cost);
		account.charged(charge);
		if (charge.throttled()) {
			throw new Refusal(LimitCode.RATE_LIMITED.error(
					"Rate limit exceeded: this operation costs " + cost + " points and " + charge.remaining()
							+ " are left; retry in " + charge.retryAfterSeconds() + " s",
					Map.of("retryAfterSeconds", charge.retryAfterSeconds())));
		}
		return super.beginExecuteOperation(parameters, state);
	}

	/**
	 * Takes a place among the tenant's open subscriptions; the interceptor gives it back.
	 */
	private void openSubscription(OperationCharge account) {
		String tenant = account.caller().tenant();
		if (!this.subscriptions.tryOpen(tenant)) {
			throw new Refusal(
					LimitCode.SUBSCRIPTION_LIMIT_EXCEEDED.error(
							"This tenant has " + this.subscriptions.max() + " subscriptions open, as many as it may; "
									+ "end one before opening another",
							Map.of("maxSubscriptions", this.subscriptions.max())));
		}
		account.subscriptionOpened();
	}

}
