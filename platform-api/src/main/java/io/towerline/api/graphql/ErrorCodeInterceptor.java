package io.towerline.api.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives errors raised outside data fetchers (syntax, validation, aborted execution) a
 * stable {@code extensions.code} too, so clients can rely on every error having one.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map((response) -> {
			if (response.getErrors().isEmpty()
					|| response.getErrors().stream().allMatch(ErrorCodeInterceptor::hasCode)) {
				return response;
			}
			return response.transform((builder) -> builder.errors(
					response.getExecutionResult().getErrors().stream().map(ErrorCodeInterceptor::withCode).toList()));
		});
	}

	private static boolean hasCode(ResponseError error) {
		return error.getExtensions().containsKey("code");
	}

	private static GraphQLError withCode(GraphQLError error) {
		Map<String, Object> extensions = (error.getExtensions() != null) ? error.getExtensions() : Map.of();
		if (extensions.containsKey("code")) {
			return error;
		}
		Map<String, Object> withCode = new LinkedHashMap<>(extensions);
		withCode.put("code", codeOf(error.getErrorType()));
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(withCode)
			.build();
	}

	private static String codeOf(ErrorClassification classification) {
		if (classification instanceof ErrorType type) {
			return switch (type) {
				case InvalidSyntax -> "GRAPHQL_PARSE_FAILED";
				case ValidationError -> "GRAPHQL_VALIDATION_FAILED";
				case OperationNotSupported -> "OPERATION_NOT_SUPPORTED";
				case ExecutionAborted -> "EXECUTION_ABORTED";
				case DataFetchingException, NullValueInNonNullableField -> "INTERNAL_ERROR";
			};
		}
		if (classification instanceof org.springframework.graphql.execution.ErrorType type) {
			return switch (type) {
				case BAD_REQUEST -> "BAD_REQUEST";
				case UNAUTHORIZED -> "UNAUTHENTICATED";
				case FORBIDDEN -> "FORBIDDEN";
				case NOT_FOUND -> "NOT_FOUND";
				case INTERNAL_ERROR -> "INTERNAL_ERROR";
			};
		}
		return "INTERNAL_ERROR";
	}

}
