package io.towerline.api.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.util.Locale;
import java.util.function.Function;

/**
 * {@code DateTime}: an instant as an RFC 3339 string in UTC, e.g.
 * {@code 2026-11-21T10:15:30.123Z}.
 */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An instant as an RFC 3339 date-time string in UTC")
		.coercing(new InstantCoercing())
		.build();

	private DateTimeScalar() {
	}

	/**
	 * The range every instant input may take: years 1 to 9999, as RFC 3339 writes them.
	 */
	static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	private static final class InstantCoercing implements Coercing<Instant, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof Instant instant) {
				return instant.toString();
			}
			if (value instanceof OffsetDateTime offset) {
				return offset.toInstant().toString();
			}
			throw new CoercingSerializeException("Not a date-time: " + value.getClass().getSimpleName());
		}

		@Override
		public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("DateTime must be an RFC 3339 string");
		}

		@Override
		public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("DateTime must be an RFC 3339 string");
		}

		private static <E extends RuntimeException> Instant parse(String text, Function<String, E> error) {
			try {
				Instant instant = OffsetDateTime.parse(text).toInstant();
				// what PostgreSQL and java.sql.Timestamp hold: an instant past them
				// overflowed on its way to the database (an INTERNAL_ERROR per field)
				if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
					throw error.apply("DateTime must lie between " + EARLIEST + " and " + LATEST + ": " + text);
				}
				return instant;
			}
			catch (DateTimeParseException ex) {
				throw error.apply("Not an RFC 3339 date-time: " + text);
			}
		}

	}

}
