package io.towerline.api.throttling;

import java.util.List;

import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;

/**
 * Aborts an operation the limits refuse. Refusals are expected and can come by the
 * thousand per second from a throttled client, so they carry no stack trace and are never
 * logged.
 */
final class Refusal extends AbortExecutionException {

	Refusal(GraphQLError error) {
		super(List.of(error));
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
