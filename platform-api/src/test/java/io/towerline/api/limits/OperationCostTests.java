package io.towerline.api.limits;

import java.util.Collections;
import java.util.Map;

import graphql.language.Document;
import graphql.language.OperationDefinition;
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

	static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
			type Query { pops(first: Int, last: Int): PopConnection!  pop(id: ID!): Pop  me: Me! }
			type Mutation { createPop(name: String!): PopPayload!
			  createPops(input: CreatePopsInput!): PopPayload!  importPops(input: ImportPopsInput!): PopPayload! }
			input CreatePopsInput { pops: [PopInput!]! }
			input PopInput { name: String! }
			input ImportPopsInput { csv: String! }
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
	void shouldChargeEachObjectOfAPageOnceAndTenLeavesAPoint() {
		// connection 1 + 10 edges + 10 nodes + pageInfo 1; leaves: 10 cursors, 10 ids, 10
		// names, hasNextPage = 31 → 4 points
		assertThat(cost("{ pops(first: 10) { edges { cursor node { id name } } pageInfo { hasNextPage } } }"))
			.isEqualTo(22 + 4);
	}

	@Test
	void shouldMultiplyNestedConnections() {
		// pops 1 + 10 edges + 10 nodes + 10 router connections + 10*5 router edges + 50
		// routers + 50 secret connections + 50*20 secrets; leaves: 50 names + 1,000 names
		assertThat(cost("""
				{ pops(first: 10) { edges { node {
				    routers(first: 5) { edges { node { name secrets(first: 20) { nodes { name } } } } }
				} } } }
				""")).isEqualTo(1 + 10 + 10 + 10 + 50 + 50 + 50 + 1_000 + 105);
	}

	@Test
	void shouldResolvePageSizesFromVariablesAndCountAMissingOneAsTheLargestPage() {
		assertThat(cost("query($n: Int) { pops(first: $n) { nodes { id } } }", Map.of("n", 7))).isEqualTo(1 + 7 + 1);
		assertThat(cost("query($n: Int) { pops(last: $n) { nodes { id } } }", Map.of("n", 7))).isEqualTo(1 + 7 + 1);
		assertThat(cost("{ pops { nodes { id } } }")).isEqualTo(1 + 100 + 10);
		assertThat(cost("{ pops(first: 100000) { nodes { id } } }")).isEqualTo(1 + 100 + 10);
	}

	@Test
	void shouldChargeEveryAliasSeparately() {
		String aliases = "{ a: pops(first: 100) { nodes { id } } b: pops(first: 100) { nodes { id } } "
				+ "c: pops(first: 100) { nodes { id } } }";

		assertThat(cost(aliases)).isEqualTo(3 * (101 + 10));
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

		assertThat(cost(document, Map.of("skip", true))).isEqualTo(1 + 4 + 4 + 1);
		assertThat(cost(document, Map.of("skip", false))).isEqualTo(1 + 4 + 4 + 2 + 1);
	}

	@Test
	void shouldCountAListOutsideAConnectionAsOneObject() {
		assertThat(cost("mutation { createPop(name: \"x\") { pop { id } errors { code } } }"))
			.isEqualTo(OperationCost.MUTATION_BASE_COST + 3 + 1);
	}

	@Test
	void shouldCostAtLeastOnePoint() {
		assertThat(cost("{ __typename }")).isEqualTo(1);
		assertThat(cost("{ me { subject roles } }")).isEqualTo(1 + 1);
	}

	@Test
	void shouldPriceNestedFragmentsByWhatTheyExpandToWithoutExpandingThem() {
		// each fragment spreads the next twice: 2^40 leaf fields once expanded
		StringBuilder document = new StringBuilder("{ me { ...f0 } }\n");
		for (int i = 0; i < 40; i++) {
			document.append("fragment f")
				.append(i)
				.append(" on Me { ...f")
				.append(i + 1)
				.append(" ...f")
				.append(i + 1)
				.append(" }\n");
		}
		document.append("fragment f40 on Me { subject }\n");

		OperationCost.Price price = price(document.toString(), Map.of());

		assertThat(price.leaves()).isEqualTo(1L << 40);
		assertThat(price.points()).isEqualTo(1 + (1L << 40) / OperationCost.LEAVES_PER_POINT + 1);
	}

	@Test
	void shouldMultiplyFragmentsUsedInsidePagesByThePageSize() {
		String document = """
				{ pops(first: 10) { nodes { ...deep } } }
				fragment deep on Pop { routers(first: 5) { edges { node { ...named ...named } } } }
				fragment named on Router { a: name b: name }
				""";

		OperationCost.Price price = price(document, Map.of());

		// 1 + 10 pops + 10 router connections + 50 edges + 50 routers; 50 × 2 spreads × 2
		assertThat(price.objects()).isEqualTo(1 + 10 + 10 + 50 + 50);
		assertThat(price.leaves()).isEqualTo(200);
	}

	@Test
	void shouldPriceAFragmentPerPageSizeItIsUsedUnder() {
		String document = """
				{ a: pops(first: 2) { nodes { ...pop } } b: pops(first: 7) { nodes { ...pop } } }
				fragment pop on Pop { id }
				""";

		assertThat(price(document, Map.of()).leaves()).isEqualTo(2 + 7);
	}

	@Test
	void shouldCountInlineFragmentsAndTheirDirectives() {
		String document = """
				query($with: Boolean!) { pops(first: 3) { nodes { ... on Pop { id } ... @include(if: $with) { name } } } }
				""";

		assertThat(price(document, Map.of("with", true)).leaves()).isEqualTo(6);
		assertThat(price(document, Map.of("with", false)).leaves()).isEqualTo(3);
	}

	@Test
	void shouldPriceEveryInputRowOfABulkWrite() {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 500; i++) {
			rows.append("{ name: \"n").append(i).append("\" } ");
		}
		String literal = "mutation { createPops(input: { pops: [" + rows + "] }) { errors { code } } }";
		String variable = "mutation($pops: [PopInput!]!) { createPops(input: { pops: $pops }) { errors { code } } }";

		assertThat(price(literal, Map.of()).rows()).isEqualTo(500);
		assertThat(price(variable, Map.of("pops", Collections.nCopies(500, Map.of("name", "n")))).rows())
			.isEqualTo(500);
		assertThat(cost(literal))
			.isEqualTo(OperationCost.MUTATION_BASE_COST + 2 + 1 + 500 / OperationCost.ROWS_PER_POINT);
	}

	@Test
	void shouldPriceEveryLineOfACsvButItsHeader() {
		String csv = "username\n" + "a\n".repeat(1_000);

		assertThat(price("mutation($csv: String!) { importPops(input: { csv: $csv }) { errors { code } } }",
				Map.of("csv", csv))
			.rows()).isEqualTo(1_000);
	}

	private static long cost(String document) {
		return cost(document, Map.of());
	}

	private static long cost(String document, Map<String, Object> variables) {
		return price(document, variables).points();
	}

	static OperationCost.Price price(String document, Map<String, Object> variables) {
		Document parsed = new Parser().parseDocument(document);
		return OperationCost.of(parsed, parsed.getDefinitionsOfType(OperationDefinition.class).getFirst(), variables,
				SCHEMA);
	}

}
