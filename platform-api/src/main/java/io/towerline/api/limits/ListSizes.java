package io.towerline.api.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import graphql.language.Argument;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import org.jspecify.annotations.Nullable;

/**
 * How many elements a list outside a connection returns at most, read from the
 * {@code @listSize} directive on its field (list-size.graphqls, ADR 0224): its assumed
 * size, or less where its slicing argument or its {@code from}…{@code to} range over its
 * granularity says so. Unreadable arguments count the assumed size.
 */
final class ListSizes {

	/** The directive that sizes a list outside a connection. */
	static final String LIST_SIZE = "listSize";

	/** Seconds per step of the granularities a range is divided by. */
	private static final Map<String, Long> STEPS = Map.of("MINUTE", 60L, "FIVE_MINUTES", 300L, "HOUR", 3_600L, "DAY",
			86_400L);

	private final ArgumentValues values;

	ListSizes(ArgumentValues values) {
		this.values = values;
	}

	/** The field's {@code @listSize}, or {@code null} when its list is not sized. */
	static @Nullable GraphQLAppliedDirective directive(GraphQLFieldDefinition definition) {
		return definition.getAppliedDirective(LIST_SIZE);
	}

	/** The most elements {@code field}, sized by {@code directive}, returns. */
	long size(Field field, GraphQLAppliedDirective directive) {
		long assumed = Math.max(1, intArgument(directive, "assumedSize", 1));
		String slicing = stringArgument(directive, "slicingArgument");
		if (slicing != null) {
			Argument argument = argument(field, slicing);
			if (argument != null && this.values.scalar(argument.getValue()) instanceof Number number) {
				return Math.clamp(number.longValue(), 1, assumed);
			}
		}
		String step = stringArgument(directive, "stepArgument");
		if (step != null) {
			Instant from = instant(argument(field, "from"));
			Instant to = instant(argument(field, "to"));
			long stepSeconds = stepSeconds(argument(field, step));
			if (from != null && to != null && stepSeconds > 0) {
				long seconds = Math.max(0, Duration.between(from, to).getSeconds());
				return Math.clamp(Math.ceilDiv(seconds, stepSeconds) + 1, 1, assumed);
			}
		}
		return assumed;
	}

	private @Nullable Instant instant(@Nullable Argument argument) {
		Object value = switch ((argument != null) ? argument.getValue() : null) {
			case VariableReference variable -> this.values.variable(variable);
			case StringValue text -> text.getValue();
			case null, default -> null;
		};
		try {
			return switch (value) {
				case Instant instant -> instant;
				case OffsetDateTime offset -> offset.toInstant();
				case String text -> OffsetDateTime.parse(text).toInstant();
				case null, default -> null;
			};
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The step of a granularity argument; without one, the finest step (the server's
	 * default is never finer).
	 */
	private long stepSeconds(@Nullable Argument argument) {
		Object value = switch ((argument != null) ? argument.getValue() : null) {
			case VariableReference variable -> this.values.variable(variable);
			case EnumValue name -> name.getName();
			case null, default -> null;
		};
		Long seconds = (value != null) ? STEPS.get(value.toString()) : null;
		return (seconds != null) ? seconds : STEPS.values().stream().mapToLong(Long::longValue).min().orElse(0);
	}

	private static @Nullable Argument argument(Field field, String name) {
		for (Argument argument : field.getArguments()) {
			if (argument.getName().equals(name)) {
				return argument;
			}
		}
		return null;
	}

	private static long intArgument(GraphQLAppliedDirective directive, String name, long otherwise) {
		GraphQLAppliedDirectiveArgument argument = directive.getArgument(name);
		Object value = (argument != null) ? argument.getValue() : null;
		return (value instanceof Number number) ? number.longValue() : otherwise;
	}

	private static @Nullable String stringArgument(GraphQLAppliedDirective directive, String name) {
		GraphQLAppliedDirectiveArgument argument = directive.getArgument(name);
		return (argument != null && argument.getValue() instanceof String text) ? text : null;
	}

}
