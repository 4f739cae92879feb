package io.towerline.api.limits;

import java.util.Map;

import graphql.language.BooleanValue;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import org.jspecify.annotations.Nullable;

/**
 * The values an operation's arguments hold, with its coerced variables in place of
 * references: what pricing may read before the operation runs.
 */
final class ArgumentValues {

	private final Map<String, Object> variables;

	ArgumentValues(Map<String, Object> variables) {
		this.variables = variables;
	}

	/**
	 * An {@code Int} or {@code Boolean} literal, or a variable's coerced value; anything
	 * else is unknown ({@code null}).
	 */
	@Nullable Object scalar(Value<?> value) {
		return switch (value) {
			case VariableReference variable -> variable(variable);
			case IntValue number -> number.getValue();
			case BooleanValue bool -> bool.isValue();
			default -> null;
		};
	}

	/**
	 * The coerced value of {@code reference}; lists are Java lists, input objects maps.
	 */
	@Nullable Object variable(VariableReference reference) {
		return this.variables.get(reference.getName());
	}

}
