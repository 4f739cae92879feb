package io.towerline.api.limits;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.ErrorType;

/**
 * The codes of the gateway's limits, one per limit, each returned as
 * {@code extensions.code} of a GraphQL error so clients can tell them apart.
 */
public enum LimitCode {

	/** The document nests selections deeper than allowed. */
	MAX_DEPTH_EXCEEDED,

	/** The document uses more aliases than allowed. */
	MAX_ALIASES_EXCEEDED,

	/** The document is too long for the parser's limits (tokens, characters, nesting). */
	MAX_TOKENS_EXCEEDED,

	/** The operation costs more than one operation may. */
	MAX_COST_EXCEEDED,

	/** Introspection is switched off in this deployment. */
	INTROSPECTION_DISABLED,

	/** Only trusted (persisted) documents are accepted and this one is not among them. */
	PERSISTED_QUERY_NOT_ALLOWED,

	/** The request body (HTTP) is larger than allowed. */
	PAYLOAD_TOO_LARGE,

	/** The tenant already has as many open subscriptions as it may. */
	SUBSCRIPTION_LIMIT_EXCEEDED,

	/** The tenant already runs as many operations at once as its share allows; retry. */
	TENANT_CONCURRENCY_EXCEEDED,

	/** The caller's rate-limit bucket does not hold enough points; retry later. */
	RATE_LIMITED;

	private static final ErrorClassification THROTTLED = ErrorClassification.errorClassification("THROTTLED");

	/** An error carrying this code. */
	public GraphQLError error(String message) {
		return error(message, Map.of());
	}

	/** An error carrying this code and further {@code extensions} entries. */
	public GraphQLError error(String message, Map<String, Object> details) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", name());
		extensions.putAll(details);
		return GraphqlErrorBuilder.newError()
			.message(message)
			.errorType(
					(this == RATE_LIMITED || this == TENANT_CONCURRENCY_EXCEEDED) ? THROTTLED : ErrorType.BAD_REQUEST)
			.extensions(extensions)
			.build();
	}

	/** Whether {@code extensions} carry this code. */
	public boolean isCodeOf(Map<String, Object> extensions) {
		return name().equals(extensions.get("code"));
	}

}
