package io.towerline.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Errors raised by a subscription's stream get the same stable codes as errors of queries
 * and mutations.
 */
@Component
class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

	SubscriptionErrorResolver() {
		setThreadLocalContextAware(true);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		return DomainErrorResolver.describe(ex, GraphqlErrorBuilder::newError, "a subscription");
	}

}
