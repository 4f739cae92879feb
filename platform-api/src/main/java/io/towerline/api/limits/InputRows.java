package io.towerline.api.limits;

import java.util.List;
import java.util.Map;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import org.jspecify.annotations.Nullable;

/**
 * The rows an operation's arguments write or look up: every element of a list (literal or
 * in a variable), and every line of a {@code csv} argument but its header.
 */
final class InputRows {

	private static final String CSV_ARGUMENT = "csv";

	private final ArgumentValues values;

	InputRows(ArgumentValues values) {
		this.values = values;
	}

	/** Rows the arguments of one field write or look up. */
	long rows(List<Argument> arguments) {
		long rows = 0;
		for (Argument argument : arguments) {
			rows = Count.add(rows, rows(argument.getName(), argument.getValue()));
		}
		return rows;
	}

	private long rows(String name, Value<?> value) {
		return switch (value) {
			case ArrayValue array -> {
				long rows = array.getValues().size();
				for (Value<?> element : array.getValues()) {
					rows = Count.add(rows, rows(name, element));
				}
				yield rows;
			}
			case ObjectValue object -> {
				long rows = 0;
				for (ObjectField field : object.getObjectFields()) {
					rows = Count.add(rows, rows(field.getName(), field.getValue()));
				}
				yield rows;
			}
			case StringValue text -> CSV_ARGUMENT.equals(name) ? csvRows(text.getValue()) : 0;
			case VariableReference variable -> rows(name, this.values.variable(variable));
			default -> 0;
		};
	}

	/** Rows in a variable's coerced value: lists are Java lists, input objects maps. */
	private static long rows(String name, @Nullable Object value) {
		return switch (value) {
			case List<?> list -> {
				long rows = list.size();
				for (Object element : list) {
					rows = Count.add(rows, rows(name, element));
				}
				yield rows;
			}
			case Map<?, ?> map -> {
				long rows = 0;
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					rows = Count.add(rows, rows(String.valueOf(entry.getKey()), entry.getValue()));
				}
				yield rows;
			}
			case String text -> CSV_ARGUMENT.equals(name) ? csvRows(text) : 0;
			case null, default -> 0;
		};
	}

	/** Lines after the header; a quoted line break may make this an overcount. */
	private static long csvRows(String csv) {
		long lines = csv.lines().filter((line) -> !line.isBlank()).count();
		return Math.max(0, lines - 1);
	}

}
