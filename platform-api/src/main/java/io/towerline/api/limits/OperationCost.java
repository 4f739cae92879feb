package io.towerline.api.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLAppliedDirective;
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
 * (ADR 0224, {@link ListSizes});</li>
 * <li>every element of a list in the arguments, and every line of a {@code csv} argument
 * but its header, is a <em>row</em> to write or look up ({@link InputRows});</li>
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

	private final GraphQLSchema schema;

	private final ArgumentValues values;

	private final ListSizes listSizes;

	private final InputRows inputRows;

	private final Map<String, FragmentDefinition> fragments = new HashMap<>();

	private final Map<String, Count> pricedFragments = new HashMap<>();

	private final Set<String> pricing = new HashSet<>();

	private OperationCost(Document document, GraphQLSchema schema, Map<String, Object> variables) {
		this.schema = schema;
		this.values = new ArgumentValues(variables);
		this.listSizes = new ListSizes(this.values);
		this.inputRows = new InputRows(this.values);
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
		long rows = this.inputRows.rows(field.getArguments());
		if (definition == null) {
			return new Count(0, 0, rows);
		}
		GraphQLOutputType type = definition.getType();
		boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
		GraphQLAppliedDirective listSize = list ? ListSizes.directive(definition) : null;
		if (listSize != null) {
			// elements of one read: each a leaf, its scalars included (they are columns
			// of
			// that read); objects and input rows it selects are priced per element
			long size = this.listSizes.size(field, listSize);
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
		Object value = (argument != null) ? this.values.scalar(argument.getValue()) : null;
		return (value instanceof Boolean bool) ? bool : "include".equals(directive.getName());
	}

	private static boolean isConnection(GraphQLFieldDefinition definition) {
		return definition.getArgument("first") != null || definition.getArgument("last") != null;
	}

	private long pageSize(Field field) {
		long size = 0;
		for (Argument argument : field.getArguments()) {
			if ("first".equals(argument.getName()) || "last".equals(argument.getName())) {
				size = Math.max(size, (this.values.scalar(argument.getValue()) instanceof Number number)
						? Math.max(1, number.longValue()) : 0);
			}
		}
		return (size <= 0) ? Pages.MAX_PAGE_SIZE : Math.min(size, Pages.MAX_PAGE_SIZE);
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

}
