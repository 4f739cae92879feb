package io.towerline.api.graphql;

import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.execution.ErrorType;

/**
 * Refuses a page size ({@code first} or {@code last}) outside 1 to
 * {@value Pages#MAX_PAGE_SIZE} with PAGE_SIZE_INVALID before the operation is priced or
 * run: Spring's pagination treats a negative size as absent, and a price computed from a
 * negative or huge size means nothing. Reads each field of the document once, without
 * expanding fragments, so its cost is linear in the document.
 */
final class PageSizeCheck extends SimplePerformantInstrumentation {

	private static final List<String> PAGE_ARGUMENTS = List.of("first", "last");

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		Map<String, Object> variables = execution.getCoercedVariables().toMap();
		for (Definition<?> definition : execution.getDocument().getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				check(operation.getSelectionSet(), variables);
			}
			else if (definition instanceof FragmentDefinition fragment) {
				check(fragment.getSelectionSet(), variables);
			}
		}
		return super.beginExecuteOperation(parameters, state);
	}

	private static void check(@Nullable SelectionSet selections, Map<String, Object> variables) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				for (Argument argument : field.getArguments()) {
					if (PAGE_ARGUMENTS.contains(argument.getName())) {
						checkSize(field.getName(), argument.getName(), value(argument.getValue(), variables));
					}
				}
				check(field.getSelectionSet(), variables);
			}
			else if (selection instanceof InlineFragment fragment) {
				check(fragment.getSelectionSet(), variables);
			}
		}
	}

	private static @Nullable Number value(Value<?> value, Map<String, Object> variables) {
		if (value instanceof IntValue number) {
			return number.getValue();
		}
		if (value instanceof VariableReference reference && variables.get(reference.getName()) instanceof Number n) {
			return n;
		}
		return null;
	}

	private static void checkSize(String field, String argument, @Nullable Number size) {
		if (size == null) {
			return;
		}
		long count = size.longValue();
		if (count < 1 || count > Pages.MAX_PAGE_SIZE || size.doubleValue() != count) {
			throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
				.errorType(ErrorType.BAD_REQUEST)
				.message("'" + argument + "' of '" + field + "' must be between 1 and " + Pages.MAX_PAGE_SIZE + ", was "
						+ size)
				.extensions(Map.of("code", Pages.PAGE_SIZE_INVALID))
				.build()));
		}
	}

}
