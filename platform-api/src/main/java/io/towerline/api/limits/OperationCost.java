package io.towerline.api.limits;

import java.util.List;

import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.towerline.api.graphql.Pages;
import org.jspecify.annotations.Nullable;

/**
 * The price of an operation in points, computed before it runs from the normalized
 * operation (fragments expanded, {@code @skip}/{@code @include} and variables applied,
 * every alias a field of its own). Roughly the number of objects the response can hold:
 * <ul>
 * <li>every selected field whose type is an object (or interface or union) costs 1 for
 * each instance the response can hold; scalar and enum fields cost nothing;</li>
 * <li>a connection is a field with a {@code first}/{@code last} argument; lists directly
 * inside it ({@code edges}, {@code nodes}) hold its page size, so everything inside them
 * is multiplied by it. A missing page size counts as {@value Pages#MAX_PAGE_SIZE}, the
 * largest page, and sizes are clamped to 1…{@value Pages#MAX_PAGE_SIZE};</li>
 * <li>nested connections multiply;</li>
 * <li>a list outside a connection counts as one instance: unbounded lists must be
 * connections (ADR 0006), so such lists are small by construction;</li>
 * <li>a mutation adds a base cost of {@value #MUTATION_BASE_COST}; every operation costs
 * at least 1.</li>
 * </ul>
 * So {@code pops(first: 50) { edges { node { id } } pageInfo { hasNextPage } }} costs 1
 * (connection) + 50 (edges) + 50 (nodes) + 1 (pageInfo) = 102, and fifty aliases of it
 * cost fifty times that.
 */
public final class OperationCost {

	/** What every mutation costs on top of the objects it selects. */
	public static final long MUTATION_BASE_COST = 10;

	private OperationCost() {
	}

	/** Points {@code operation} costs against {@code schema}. */
	public static long of(ExecutableNormalizedOperation operation, GraphQLSchema schema) {
		long objects = 0;
		for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
			objects = add(objects, cost(field, 1, 0, schema));
		}
		long base = (operation.getOperation() == OperationDefinition.Operation.MUTATION) ? MUTATION_BASE_COST : 0;
		return Math.max(1, add(base, objects));
	}

	/**
	 * @param instances how many times the enclosing object can occur in the response
	 * @param pageSize the page size when the enclosing field is a connection, else 0
	 */
	private static long cost(ExecutableNormalizedField field, long instances, long pageSize, GraphQLSchema schema) {
		List<GraphQLFieldDefinition> definitions = field.getFieldDefinitions(schema);
		if (definitions.isEmpty()) {
			return 0;
		}
		GraphQLFieldDefinition definition = definitions.getFirst();
		GraphQLOutputType type = definition.getType();
		if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLCompositeType)) {
			return 0;
		}
		boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
		long count = (list && pageSize > 0) ? multiply(instances, pageSize) : instances;
		long childPageSize = isConnection(definition) ? pageSize(field) : 0;
		long total = count;
		for (ExecutableNormalizedField child : field.getChildren()) {
			total = add(total, cost(child, count, childPageSize, schema));
		}
		return total;
	}

	private static boolean isConnection(GraphQLFieldDefinition definition) {
		return definition.getArgument("first") != null || definition.getArgument("last") != null;
	}

	private static long pageSize(ExecutableNormalizedField field) {
		long size = Math.max(number(field.getResolvedArguments().get("first")),
				number(field.getResolvedArguments().get("last")));
		return (size <= 0) ? Pages.MAX_PAGE_SIZE : Math.min(size, Pages.MAX_PAGE_SIZE);
	}

	private static long number(@Nullable Object value) {
		return (value instanceof Number number) ? Math.max(1, number.longValue()) : 0;
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return (sum < a) ? Long.MAX_VALUE : sum;
	}

	private static long multiply(long a, long b) {
		long high = Math.multiplyHigh(a, b);
		return (high != 0 || a * b < 0) ? Long.MAX_VALUE : a * b;
	}

}
