package io.towerline.api.graphql;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * Every {@code ID} a client sends (argument, input field, list element) must be a UUID as
 * written, 36 characters: anything else is refused with INVALID_ID naming the argument,
 * before the data fetcher runs. Spring's argument binding would trim the value, turn an
 * empty string into null (a required argument arriving as null) and accept forms like
 * {@code 1-1-1-1-1}.
 */
final class IdArgumentCheck extends SimplePerformantInstrumentation {

	static final String INVALID_ID = "INVALID_ID";

	private static final Pattern UUID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private static final int MAX_DEPTH = 8;

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
		if (field.getArguments().isEmpty()) {
			return dataFetcher;
		}
		return (environment) -> {
			for (GraphQLArgument argument : field.getArguments()) {
				check(argument.getName(), argument.getType(), environment.getArguments().get(argument.getName()), 0);
			}
			return dataFetcher.get(environment);
		};
	}

	private static void check(String path, GraphQLInputType type, @Nullable Object value, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
		if (bare instanceof GraphQLList list && value instanceof List<?> items) {
			for (int i = 0; i < items.size(); i++) {
				check(path + "[" + i + "]", (GraphQLInputType) list.getWrappedType(), items.get(i), depth + 1);
			}
		}
		else if (bare instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> fields) {
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				check(path + "." + field.getName(), field.getType(), fields.get(field.getName()), depth + 1);
			}
		}
		else if (bare instanceof GraphQLScalarType scalar && scalar.getName().equals("ID")
				&& !UUID.matcher(value.toString()).matches()) {
			throw new ApiInputException(INVALID_ID, "'" + path + "' is not a valid ID (a UUID was expected)");
		}
	}

}
