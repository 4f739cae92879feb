package io.towerline.api.limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.WiringFactory;
import graphql.schema.idl.FieldWiringEnvironment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price against what execution really does, for random documents: nested and repeated
 * fragment spreads, inline fragments, aliases, nested pages of random sizes. Every page
 * is served full, so the price must never be below the work done, and must equal it when
 * no selection is repeated (execution merges repeated ones).
 */
class OperationCostPropertyTests {

	private static final int DOCUMENTS = 400;

	private static final int MAX_DEPTH = 6;

	/**
	 * Fields per document beyond which only leaves are added, to keep documents small.
	 */
	private static final int MAX_FIELDS = 80;

	private static final String SDL = """
			type Query { pops(first: Int, last: Int): PopConnection!  pop(id: ID!): Pop  me: Me! }
			type Me { subject: String!  roles: [String!]! }
			type PopConnection { total: Int  edges: [PopEdge!]!  nodes: [Pop!]!  pageInfo: PageInfo! }
			type PopEdge { cursor: String!  node: Pop! }
			type Pop { id: ID!  name: String!  coordinates: Coordinates  routers(first: Int): RouterConnection! }
			type Coordinates { latitude: Float! }
			type RouterConnection { total: Int  edges: [RouterEdge!]!  pageInfo: PageInfo! }
			type RouterEdge { cursor: String  node: Router! }
			type Router { name: String!  secrets(first: Int, last: Int): SecretConnection! }
			type SecretConnection { total: Int  nodes: [Secret!]! }
			type Secret { name: String! }
			type PageInfo { hasNextPage: Boolean! }
			""";

	@Test
	void shouldNeverPriceBelowTheFieldsExecutedAndMatchThemWhenNothingRepeats() {
		AtomicLong produced = new AtomicLong();
		AtomicLong fetches = new AtomicLong();
		GraphQLSchema schema = schema(produced, fetches);
		GraphQL graphQl = GraphQL.newGraphQL(schema).build();
		long seed = new Random().nextLong();
		Random random = new Random(seed);
		int exact = 0;
		for (int i = 0; i < DOCUMENTS; i++) {
			Generated generated = new Generator(schema, random).document();
			produced.set(0);
			fetches.set(0);
			ExecutionResult result = graphQl.execute(generated.text());
			assertThat(result.getErrors()).as("seed %d document %s", seed, generated.text()).isEmpty();
			Document document = new Parser().parseDocument(generated.text());
			OperationCost.Price price = OperationCost.of(document,
					document.getDefinitionsOfType(OperationDefinition.class).getFirst(), Map.of(), schema);

			assertThat(price.fields()).as("seed %d document %s", seed, generated.text())
				.isGreaterThanOrEqualTo(produced.get())
				.isGreaterThanOrEqualTo(fetches.get());
			if (!generated.repeats()) {
				exact++;
				assertThat(price.fields()).as("seed %d document %s", seed, generated.text()).isEqualTo(produced.get());
			}
		}
		assertThat(exact).as("documents without repeated spreads").isGreaterThan(DOCUMENTS / 10);
	}

	/**
	 * Every field serves what its type allows at most: a page holds its full size, a list
	 * outside a page one element. {@code produced} counts the values fetched (each
	 * element of a list once), {@code fetches} the data fetcher calls.
	 */
	private static GraphQLSchema schema(AtomicLong produced, AtomicLong fetches) {
		DataFetcher<Object> serve = (environment) -> {
			fetches.incrementAndGet();
			Object value = value(environment);
			produced.addAndGet((value instanceof List<?> list) ? list.size() : 1);
			return value;
		};
		WiringFactory wiring = new WiringFactory() {

			@Override
			public boolean providesDataFetcher(FieldWiringEnvironment environment) {
				return true;
			}

			@Override
			public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
				return serve;
			}

		};
		return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
				RuntimeWiring.newRuntimeWiring().wiringFactory(wiring).build());
	}

	private static Object value(DataFetchingEnvironment environment) {
		GraphQLOutputType type = environment.getFieldType();
		Map<String, Object> source = environment.getSource();
		long pageSize = (source != null) ? (Long) source.getOrDefault("pageSize", 0L) : 0L;
		if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))) {
			long size = (pageSize > 0) ? pageSize : 1;
			List<Object> list = new ArrayList<>();
			GraphQLOutputType element = (GraphQLOutputType) ((GraphQLList) GraphQLTypeUtil.unwrapNonNull(type))
				.getWrappedType();
			for (long i = 0; i < size; i++) {
				list.add(single(element, 0));
			}
			return list;
		}
		Object first = environment.getArgument("first");
		Object last = environment.getArgument("last");
		boolean connection = environment.getFieldDefinition().getArgument("first") != null;
		long size = connection ? Math.min(100, Math.max(number(first), number(last))) : 0;
		return single(type, connection ? ((size > 0) ? size : 100) : 0);
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : 0;
	}

	private static Object single(GraphQLOutputType type, long pageSize) {
		Object unwrapped = GraphQLTypeUtil.unwrapAll(type);
		if (unwrapped instanceof GraphQLObjectType) {
			Map<String, Object> object = new HashMap<>();
			object.put("pageSize", pageSize);
			return object;
		}
		return switch (GraphQLTypeUtil.simplePrint(GraphQLTypeUtil.unwrapAll(type))) {
			case "Int" -> 1;
			case "Float" -> 1.0;
			case "Boolean" -> true;
			default -> "x";
		};
	}

	private record Generated(String text, boolean repeats) {

	}

	/**
	 * Random documents over the schema: every field aliased uniquely so that execution
	 * merges nothing, except where a fragment is spread twice into one selection set.
	 */
	private static final class Generator {

		private final GraphQLSchema schema;

		private final Random random;

		private final StringBuilder fragments = new StringBuilder();

		private int aliases;

		private int fragmentCount;

		private boolean repeats;

		Generator(GraphQLSchema schema, Random random) {
			this.schema = schema;
			this.random = random;
		}

		Generated document() {
			String operation = "{ " + selections(this.schema.getQueryType(), 0) + " }";
			return new Generated(operation + "\n" + this.fragments, this.repeats);
		}

		private String selections(GraphQLObjectType type, int depth) {
			StringBuilder out = new StringBuilder();
			boolean full = this.aliases > MAX_FIELDS;
			int count = full ? 1 : 1 + this.random.nextInt(3);
			for (int i = 0; i < count; i++) {
				int shape = full ? 9 : this.random.nextInt(10);
				if (shape == 0 && depth < MAX_DEPTH) {
					out.append("... on ")
						.append(type.getName())
						.append(" { ")
						.append(selections(type, depth))
						.append(" } ");
				}
				else if (shape == 1 && depth < MAX_DEPTH) {
					out.append("... { ").append(selections(type, depth)).append(" } ");
				}
				else if (shape <= 3 && depth < MAX_DEPTH) {
					String name = "f" + (this.fragmentCount++);
					String body = selections(type, depth);
					this.fragments.append("fragment ")
						.append(name)
						.append(" on ")
						.append(type.getName())
						.append(" { ")
						.append(body)
						.append(" }\n");
					int spreads = (this.random.nextInt(4) == 0) ? 2 : 1;
					this.repeats |= spreads > 1;
					for (int s = 0; s < spreads; s++) {
						out.append("...").append(name).append(' ');
					}
				}
				else {
					out.append(field(type, depth)).append(' ');
				}
			}
			return out.toString();
		}

		private String field(GraphQLObjectType type, int depth) {
			List<GraphQLFieldDefinition> candidates = type.getFieldDefinitions()
				.stream()
				.filter((field) -> depth < MAX_DEPTH
						|| GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(field.getType())))
				.toList();
			GraphQLFieldDefinition field = candidates.get(this.random.nextInt(candidates.size()));
			StringBuilder out = new StringBuilder("a").append(this.aliases++).append(": ").append(field.getName());
			if (field.getArgument("id") != null) {
				out.append("(id: \"1\")");
			}
			else if (field.getArgument("first") != null) {
				String direction = (field.getArgument("last") != null && this.random.nextBoolean()) ? "last" : "first";
				out.append('(').append(direction).append(": ").append(1 + this.random.nextInt(4)).append(')');
			}
			if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType object) {
				out.append(" { ").append(selections(object, depth + 1)).append(" }");
			}
			return out.toString();
		}

	}

}
