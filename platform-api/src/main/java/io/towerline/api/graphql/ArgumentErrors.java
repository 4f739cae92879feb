package io.towerline.api.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Arguments that cannot be bound to the controller's types (an ID that is not a UUID, a
 * number out of range): {@code INVALID_ID} when every problem is a malformed id,
 * {@code INVALID_ARGUMENT} otherwise, with one entry per problem in
 * {@code extensions.fields}. The caller's own value is echoed, shortened.
 */
final class ArgumentErrors {

	static final String INVALID_ID = "INVALID_ID";

	static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";

	private static final int ECHO = 40;

	private ArgumentErrors() {
	}

	static GraphQLError describe(BindException binding, GraphqlErrorBuilder<?> builder) {
		List<ObjectError> problems = binding.getAllErrors();
		boolean allIds = !problems.isEmpty() && problems.stream().allMatch(ArgumentErrors::malformedId);
		List<Map<String, Object>> fields = problems.stream().map(ArgumentErrors::field).toList();
		String message = problems.isEmpty() ? "An argument has an invalid value"
				: String.valueOf(fields.get(0).get("message"));
		return builder.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(Map.of("code", allIds ? INVALID_ID : INVALID_ARGUMENT, "fields", fields))
			.build();
	}

	private static boolean malformedId(ObjectError problem) {
		return problem.contains(TypeMismatchException.class)
				&& UUID.class.equals(problem.unwrap(TypeMismatchException.class).getRequiredType());
	}

	private static Map<String, Object> field(ObjectError problem) {
		String name = (problem instanceof FieldError field) ? path(field.getField()) : problem.getObjectName();
		Object rejected = (problem instanceof FieldError field) ? field.getRejectedValue() : null;
		String what = malformedId(problem) ? "is not a valid ID" : "has an invalid value";
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("field", name);
		entry.put("code", malformedId(problem) ? INVALID_ID : INVALID_ARGUMENT);
		entry.put("message", "'" + name + "' " + what + echo(rejected));
		return entry;
	}

	/** {@code $.routerId} (the binder's notation) as {@code routerId}. */
	private static String path(String field) {
		return field.startsWith("$.") ? field.substring(2) : field.equals("$") ? "value" : field;
	}

	private static String echo(@Nullable Object rejected) {
		if (rejected == null) {
			return "";
		}
		String text = rejected.toString();
		return ": '" + ((text.length() > ECHO) ? text.substring(0, ECHO) + "…" : text) + "'";
	}

}
