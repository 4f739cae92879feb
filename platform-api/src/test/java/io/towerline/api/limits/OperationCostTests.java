package io.towerline.api.limits;

import java.util.Map;

import graphql.execution.RawVariables;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost model on a schema with nested connections (routers of a POP, PPP secrets of a
 * router), the shape the domain is growing into.
 */
class OperationCostTests {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
			type Query { pops(first: Int, last: Int): PopConnection!  pop(id: ID!): Pop  me: Me! }
			type Mutation { createPop(name: String!): PopPayload! }
			type Me { subject: String!  roles: [String!]! }
			type PopConnection { edges: [PopEdge!]!  nodes: [Pop!]!  pageInfo: PageInfo! }
			type PopEdge { cursor: String!  node: Pop! }
			type Pop { id: ID!  name: String!  coordinates: Coordinates  routers(first: Int): RouterConnection! }
			type Coordinates { latitude: Float! }
			type RouterConnection { edges: [RouterEdge!]!  pageInfo: PageInfo! }
			type RouterEdge { node: Router! }
			type Router { name: String!  secrets(first: Int, last: Int): SecretConnection! }
			type SecretConnection { nodes: [Secret!]! }
			type Secret { name: String! }
			type PageInfo { hasNextPage: Boolean! }
			type PopPayload { pop: Pop  errors: [UserError!]! }
			type UserError { code: String! }
			"""), RuntimeWiring.MOCKED_WIRING);

	@Test
	void shouldChargeEachObjectOfAPageOnce() {
		// connection 1 + 10 edges + 10 nodes + pageInfo 1 (scalars are free)
		assertThat(cost("{ pops(first: 10) { edges { cursor node { id name } } pageInfo { hasNextPage } } }"))
			.isEqualTo(22);
	}

	@Test
	void shouldMultiplyNestedConnections() {
		// pops 1 + 10 edges + 10 nodes + 10 router connections + 10*5 router edges + 50
		// routers
		// + 50 secret connections + 50*20 secrets
		assertThat(cost("""
				{ pops(first: 10) { edges { node {
				    routers(first: 5) { edges { node { name secrets(first: 20) { nodes { name } } } } }
				} } } }
				""")).isEqualTo(1 + 10 + 10 + 10 + 50 + 50 + 50 + 1_000);
	}

	@Test
	void shouldResolvePageSizesFromVariablesAndCountAMissingOneAsTheLargestPage() {
		assertThat(cost("query($n: Int) { pops(first: $n) { nodes { id } } }", Map.of("n", 7))).isEqualTo(1 + 7);
		assertThat(cost("query($n: Int) { pops(last: $n) { nodes { id } } }", Map.of("n", 7))).isEqualTo(1 + 7);
		assertThat(cost("{ pops { nodes { id } } }")).isEqualTo(1 + 100);
		assertThat(cost("{ pops(first: 100000) { nodes { id } } }")).isEqualTo(1 + 100);
	}

	@Test
	void shouldChargeEveryAliasSeparately() {
		String aliases = "{ a: pops(first: 100) { nodes { id } } b: pops(first: 100) { nodes { id } } "
				+ "c: pops(first: 100) { nodes { id } } }";

		assertThat(cost(aliases)).isEqualTo(3 * 101);
	}

	@Test
	void shouldExpandFragmentsAndHonourSkip() {
		String document = """
				query($skip: Boolean!) {
				  pops(first: 4) { nodes { ...withCoordinates } }
				  pop(id: "1") @skip(if: $skip) { ...withCoordinates }
				}
				fragment withCoordinates on Pop { coordinates { latitude } }
				""";

		assertThat(cost(document, Map.of("skip", true))).isEqualTo(1 + 4 + 4);
		assertThat(cost(document, Map.of("skip", false))).isEqualTo(1 + 4 + 4 + 2);
	}

	@Test
	void shouldCountAListOutsideAConnectionAsOneObject() {
		assertThat(cost("mutation { createPop(name: \"x\") { pop { id } errors { code } } }"))
			.isEqualTo(OperationCost.MUTATION_BASE_COST + 3);
	}

	@Test
	void shouldCostAtLeastOnePoint() {
		assertThat(cost("{ __typename }")).isEqualTo(1);
		assertThat(cost("{ me { subject roles } }")).isEqualTo(1);
	}

	private static long cost(String document) {
		return cost(document, Map.of());
	}

	private static long cost(String document, Map<String, Object> variables) {
		return OperationCost
			.of(ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(SCHEMA,
					new Parser().parseDocument(document), null, RawVariables.of(variables)), SCHEMA);
	}

}
