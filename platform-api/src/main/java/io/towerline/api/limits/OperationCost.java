package io.towerline.api.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.towerline.api.graphql.Pages;
import org.jspecify.annotations.Nullable;

/**
 * The price of an operation, computed before it runs from the syntax tree, without ever
 * expanding it: each fragment is priced once per page size it is used under and its price
 * multiplied by its uses, so a document of nested fragments that would expand to millions
 * of fields is priced in time proportional to its length. What it counts is what
 * execution would do at most:
 * <ul>
 * <li>every field, after fragment expansion and {@code @skip}/{@code @include}, once per
 * instance the response can hold; an object (or interface or union) field is an
 * <em>object</em>, a scalar or enum field a <em>leaf</em>;</li>
 * <li>a connection is a field with a {@code first}/{@code last} argument; lists directly
 * inside it ({@code edges}, {@code nodes}) hold its page size, so everything inside them
 * is multiplied by it; nested connections multiply; a missing page size counts as
 * {@value Pages#MAX_PAGE_SIZE} and sizes are clamped to 1…{@value Pages#MAX_PAGE_SIZE}; a
 * list outside a connection counts as one instance (such lists must be small, ADR 0006),
 * unless its field carries {@code @listSize}: then it counts as many leaves as it returns
 * at most (its assumed size, or what its slicing argument or its {@code from}…{@code to}
 * range over its granularity says), with what each element selects multiplied by that
 * (ADR 0224);</li>
 * <li>every element of a list in the arguments, and every line of a {@code csv} argument
 * but its header, is a <em>row</em> to write or look up;</li>
 * <li>repeated selections are counted each time, even where execution merges them, so the
 * price is never below the work.</li>
 * </ul>
 * Points: objects cost 1 each, leaves {@code 1/}{@value #LEAVES_PER_POINT}, rows
 * {@code 1/}{@value #ROWS_PER_POINT} (rounded up), a mutation
 * {@value #MUTATION_BASE_COST} more, and every operation at least 1.
 */
public final class OperationCost {

	/** What every mutation costs on top of what it selects and writes. */
	public static final long MUTATION_BASE_COST = 10;

	/**
	 * What opening a subscription costs on top of what it selects: it holds a socket and
	 * a place in the operation poll for as long as it lives.
	 */
	public static final long SUBSCRIPTION_BASE_COST = 10;

	/**
	 * Scalar fields per point: resolving one is a property read, an object is usually a
	 * row read.
	 */
	public static final long LEAVES_PER_POINT = 10;

	/**
	 * Input rows per point: the documented largest bulk (10,000 rows) then stays within
	 * one operation's default ceiling (5,000 points).
	 */
	public static final long ROWS_PER_POINT = 4;

	private static final String CSV_ARGUMENT = "csv";

	/** The directive that sizes a list outside a connection (list-size.graphqls). */
	static final String LIST_SIZE = "listSize";

	/** Seconds per step of the granularities a {@code @listSize} range is divided by. */
	private static final Map<String, Long> STEPS = Map.of("MINUTE", 60L, "FIVE_MINUTES", 300L, "HOUR", 3_600L, "DAY",
			86_400L);

	private final GraphQLSchema schema;

	private final Map<String, Object> variables;

	private final Map<String, FragmentDefinition> fragments = new HashMap<>();

	private final Map<String, Count> pricedFragments = new HashMap<>();

	private final Set<String> pricing = new HashSet<>();

	private OperationCost(Document document, GraphQLSchema schema, Map<String, Object> variables) {
		this.schema = schema;
		this.variables = variables;
		document.getDefinitionsOfType(FragmentDefinition.class)
			.forEach((fragment) -> this.fragments.put(fragment.getName(), fragment));
	}

	/**
	 * The price of {@code operation} of {@code document} with its (coerced)
	 * {@code variables}. The document need not be valid: unknown fields cost nothing and
	 * a fragment cycle is not followed.
	 */
	public static Price of(Document document, OperationDefinition operation, Map<String, Object> variables,
			GraphQLSchema schema) {
		OperationCost cost = new OperationCost(document, schema, variables);
		GraphQLCompositeType root = switch (operation.getOperation()) {
			case MUTATION -> schema.getMutationType();
			case SUBSCRIPTION -> schema.getSubscriptionType();
			default -> schema.getQueryType();
		};
		Count count = (root != null) ? cost.selections(operation.getSelectionSet(), root, 0) : Count.NONE;
		long base = switch (operation.getOperation()) {
			case MUTATION -> MUTATION_BASE_COST;
			case SUBSCRIPTION -> SUBSCRIPTION_BASE_COST;
			default -> 0;
		};
		return new Price(count.objects(), count.leaves(), count.rows(), base);
	}

	/**
	 * What one instance of {@code type} selecting {@code selections} costs.
	 * @param pageSize the page size when {@code type} is a connection, else 0
	 */
	private Count selections(@Nullable SelectionSet selections, GraphQLCompositeType type, long pageSize) {
		Count total = Count.NONE;
		if (selections == null) {
			return total;
		}
		for (Selection<?> selection : selections.getSelections()) {
			Count count = switch (selection) {
				case Field field -> included(field.getDirectives()) ? field(field, type, pageSize) : Count.NONE;
				case InlineFragment inline -> included(inline.getDirectives())
						? selections(inline.getSelectionSet(), typeCondition(inline, type), pageSize) : Count.NONE;
				case FragmentSpread spread ->
					included(spread.getDirectives()) ? fragment(spread.getName(), type, pageSize) : Count.NONE;
				default -> Count.NONE;
			};
			total = total.plus(count);
		}
		return total;
	}

	private Count field(Field field, GraphQLCompositeType parent, long pageSize) {
		GraphQLFieldDefinition definition = definition(parent, field.getName());
		long rows = rows(field.getArguments());
		if (definition == null) {
			return new Count(0, 0, rows);
		}
		GraphQLOutputType type = definition.getType();
		boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
		GraphQLAppliedDirective listSize = list ? definition.getAppliedDirective(LIST_SIZE) : null;
		if (listSize != null) {
			// elements of one read: each a leaf, its scalars included (they are columns
			// of
			// that read); objects and input rows it selects are priced per element
			long size = listSize(field, listSize);
			Count inside = (GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLCompositeType composite)
					? selections(field.getSelectionSet(), composite, 0) : Count.NONE;
			return new Count(0, size, rows).plus(new Count(inside.objects(), 0, inside.rows()).times(size));
		}
		long instances = (list && pageSize > 0) ? pageSize : 1;
		if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLCompositeType composite)) {
			return new Count(0, instances, rows);
		}
		long childPageSize = isConnection(definition) ? pageSize(field) : 0;
		Count inside = selections(field.getSelectionSet(), composite, childPageSize);
		return new Count(instances, 0, rows).plus(inside.times(instances));
	}

	/**
	 * A fragment's price depends only on the page size it is used under (its type
	 * condition fixes the rest), so it is computed once per page size.
	 */
	private Count fragment(String name, GraphQLCompositeType parent, long pageSize) {
		String key = name + '@' + pageSize;
		Count known = this.pricedFragments.get(key);
		if (known != null) {
			return known;
		}
		FragmentDefinition definition = this.fragments.get(name);
		if (definition == null || !this.pricing.add(key)) {
			return Count.NONE;
		}
		GraphQLType condition = this.schema.getType(definition.getTypeCondition().getName());
		Count count = selections(definition.getSelectionSet(),
				(condition instanceof GraphQLCompositeType composite) ? composite : parent, pageSize);
		this.pricing.remove(key);
		this.pricedFragments.put(key, count);
		return count;
	}

	private GraphQLCompositeType typeCondition(InlineFragment inline, GraphQLCompositeType parent) {
		if (inline.getTypeCondition() == null) {
			return parent;
		}
		return (this.schema.getType(inline.getTypeCondition().getName()) instanceof GraphQLCompositeType composite)
				? composite : parent;
	}

	private @Nullable GraphQLFieldDefinition definition(GraphQLCompositeType parent, String name) {
		if (Introspection.SchemaMetaFieldDef.getName().equals(name)) {
			return Introspection.SchemaMetaFieldDef;
		}
		if (Introspection.TypeMetaFieldDef.getName().equals(name)) {
			return Introspection.TypeMetaFieldDef;
		}
		if (Introspection.TypeNameMetaFieldDef.getName().equals(name)) {
			return Introspection.TypeNameMetaFieldDef;
		}
		return (parent instanceof GraphQLFieldsContainer container) ? container.getFieldDefinition(name) : null;
	}

	private boolean included(List<Directive> directives) {
		for (Directive directive : directives) {
			if ("skip".equals(directive.getName()) && condition(directive)) {
				return false;
			}
			if ("include".equals(directive.getName()) && !condition(directive)) {
				return false;
			}
		}
		return true;
	}

	/** The directive's {@code if}; an unknown value counts as "selected". */
	private boolean condition(Directive directive) {
		Argument argument = directive.getArgument("if");
		Object value = (argument != null) ? value(argument.getValue()) : null;
		return (value instanceof Boolean bool) ? bool : "include".equals(directive.getName());
	}

	/**
	 * The most elements a {@code @listSize} field returns for this selection: its assumed
	 * size, or less where its slicing argument or its range says so.
	 */
	private long listSize(Field field, GraphQLAppliedDirective directive) {
		long assumed = Math.max(1, intArgument(directive, "assumedSize", 1));
		String slicing = stringArgument(directive, "slicingArgument");
		if (slicing != null) {
			Argument argument = argument(field, slicing);
			if (argument != null && value(argument.getValue()) instanceof Number number) {
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
			case VariableReference variable -> this.variables.get(variable.getName());
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
			case VariableReference variable -> this.variables.get(variable.getName());
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

	private static boolean isConnection(GraphQLFieldDefinition definition) {
		return definition.getArgument("first") != null || definition.getArgument("last") != null;
	}

	private long pageSize(Field field) {
		long size = 0;
		for (Argument argument : field.getArguments()) {
			if ("first".equals(argument.getName()) || "last".equals(argument.getName())) {
				size = Math.max(size,
						(value(argument.getValue()) instanceof Number number) ? Math.max(1, number.longValue()) : 0);
			}
		}
		return (size <= 0) ? Pages.MAX_PAGE_SIZE : Math.min(size, Pages.MAX_PAGE_SIZE);
	}

	private @Nullable Object value(Value<?> value) {
		return switch (value) {
			case VariableReference variable -> this.variables.get(variable.getName());
			case IntValue number -> number.getValue();
			case BooleanValue bool -> bool.isValue();
			default -> null;
		};
	}

	private long rows(List<Argument> arguments) {
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
			case VariableReference variable -> rows(name, this.variables.get(variable.getName()));
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

	/**
	 * What an operation asks for.
	 *
	 * @param objects object fields, per instance the response can hold
	 * @param leaves scalar and enum fields, per instance
	 * @param rows input rows (list elements, CSV lines)
	 * @param base what the kind of operation costs in itself
	 */
	public record Price(long objects, long leaves, long rows, long base) {

		/** Points charged. */
		public long points() {
			long points = Count.add(Count.add(this.objects, Math.ceilDiv(this.leaves, LEAVES_PER_POINT)),
					Math.ceilDiv(this.rows, ROWS_PER_POINT));
			return Math.max(1, Count.add(points, this.base));
		}

		/** Fields execution resolves at most. */
		public long fields() {
			return Count.add(this.objects, this.leaves);
		}

	}

	/** Saturating counts: a price too large to hold is {@link Long#MAX_VALUE}. */
	private record Count(long objects, long leaves, long rows) {

		static final Count NONE = new Count(0, 0, 0);

		Count plus(Count other) {
			return new Count(add(this.objects, other.objects), add(this.leaves, other.leaves),
					add(this.rows, other.rows));
		}

		Count times(long factor) {
			return new Count(multiply(this.objects, factor), multiply(this.leaves, factor),
					multiply(this.rows, factor));
		}

		static long add(long a, long b) {
			long sum = a + b;
			return (sum < a) ? Long.MAX_VALUE : sum;
		}

		static long multiply(long a, long b) {
			long high = Math.multiplyHigh(a, b);
			return (high != 0 || a * b < 0) ? Long.MAX_VALUE : a * b;
		}

	}

}
