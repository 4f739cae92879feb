package io.towerline.api.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.towerline.core.error.ErrorCode;
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
				case InvalidSyntax -> RequestErrorCode.GRAPHQL_PARSE_FAILED.name();
				case ValidationError -> RequestErrorCode.GRAPHQL_VALIDATION_FAILED.name();
				case OperationNotSupported -> RequestErrorCode.OPERATION_NOT_SUPPORTED.name();
				case ExecutionAborted -> RequestErrorCode.EXECUTION_ABORTED.name();
				case DataFetchingException, NullValueInNonNullableField -> RequestErrorCode.INTERNAL_ERROR.name();
			};
		}
		if (classification instanceof org.springframework.graphql.execution.ErrorType type) {
			return switch (type) {
				case BAD_REQUEST -> RequestErrorCode.BAD_REQUEST.name();
				case UNAUTHORIZED -> RequestErrorCode.UNAUTHENTICATED.name();
				case FORBIDDEN -> RequestErrorCode.FORBIDDEN.name();
				case NOT_FOUND -> ErrorCode.NOT_FOUND.name();
				case INTERNAL_ERROR -> RequestErrorCode.INTERNAL_ERROR.name();
			};
		}
		return RequestErrorCode.INTERNAL_ERROR.name();
	}

}
