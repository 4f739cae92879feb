package io.towerline.api.limits;

import java.time.Instant;
import java.util.Map;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists outside a connection that can be long (a router's history, the newest reports)
 * are priced by how many elements they can return (ADR 0224): by their slicing argument,
 * by their {@code from}…{@code to} range over the granularity's step, or by their assumed
 * size; so nesting or aliasing them multiplies their price as it multiplies their work.
 */
class ListSizePricingTests {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
			directive @listSize(assumedSize: Int!, slicingArgument: String, stepArgument: String) on FIELD_DEFINITION
			scalar DateTime
			enum HealthGranularity { MINUTE HOUR }
			type Query { routers(first: Int): RouterConnection!
			  reports(limit: Int): [Report!]! @listSize(assumedSize: 100, slicingArgument: "limit")
			  plain: [Report!]! }
			type RouterConnection { nodes: [Router!]! }
			type Router { name: String!
			  onlineHistory(from: DateTime!, to: DateTime!, granularity: HealthGranularity): [Point!]!
			    @listSize(assumedSize: 10080, stepArgument: "granularity") }
			type Point { at: DateTime!  online: Int! }
			type Report { id: ID! }
			"""), RuntimeWiring.MOCKED_WIRING);

	private static final Instant TO = Instant.parse("2026-11-27T00:00:00Z");

	@Test
	void shouldPriceAHistoryByTheElementsItsRangeHolds() {
		// the connection and its router: 2 objects; a day of minutes: 1,441 elements,
		// each a leaf (its scalars are columns of the same read) → 145 points
		assertThat(cost(history("MINUTE", 24))).isEqualTo(2 + 145);
		// a day of hours: 25 elements → 3
		assertThat(cost(history("HOUR", 24))).isEqualTo(2 + 3);
		// no granularity: the finest step
		assertThat(cost(history(null, 24))).isEqualTo(2 + 145);
		// past the assumed size: capped at 10,080 elements → 1,008
		assertThat(cost(history("MINUTE", 24 * 30))).isEqualTo(2 + 1_008);
	}

	@Test
	void shouldReadRangeAndStepFromVariables() {
		String document = "query($from: DateTime!, $to: DateTime!, $g: HealthGranularity) { routers(first: 1) "
				+ "{ nodes { onlineHistory(from: $from, to: $to, granularity: $g) { at online } } } }";
		assertThat(cost(document, Map.of("from", TO.minusSeconds(24 * 3_600), "to", TO, "g", "MINUTE")))
			.isEqualTo(cost(history("MINUTE", 24)));
		assertThat(cost(document, Map.of("from", "not a time", "to", TO, "g", "MINUTE")))
			.as("a range it cannot read costs the assumed size")
			.isEqualTo(cost(history("MINUTE", 24 * 30)));
	}

	@Test
	void shouldMultiplyAHistoryByThePageItSitsIn() {
		// 100 routers × a week of minutes: 100 × 10,080 × 3 leaves alone is 302,400
		// points
		String document = "{ routers(first: 100) { nodes { name onlineHistory(from: \"" + TO.minusSeconds(7 * 86_400)
				+ "\", to: \"" + TO + "\") { at online } } } }";
		assertThat(cost(document)).isGreaterThan(100_800);
	}

	@Test
	void shouldPriceASlicedListByItsArgumentOrItsAssumedSize() {
		assertThat(cost("{ reports(limit: 10) { id } }")).isEqualTo(1);
		assertThat(cost("{ reports(limit: 30) { id } }")).isEqualTo(3);
		assertThat(cost("{ reports { id } }")).isEqualTo(10);
		assertThat(cost("{ reports(limit: 100000) { id } }")).as("capped").isEqualTo(10);
		assertThat(cost("{ a: reports { id } b: reports { id } }")).isEqualTo(20);
		assertThat(cost("{ plain { id } }")).as("a list without @listSize: one object and its leaf").isEqualTo(2);
	}

	private static String history(@Nullable String granularity, int hours) {
		return "{ routers(first: 1) { nodes { onlineHistory(from: \"" + TO.minusSeconds(hours * 3_600L) + "\", to: \""
				+ TO + "\"" + ((granularity != null) ? ", granularity: " + granularity : "") + ") { at online } } } }";
	}

	private static long cost(String document) {
		return cost(document, Map.of());
	}

	private static long cost(String document, Map<String, Object> variables) {
		Document parsed = new Parser().parseDocument(document);
		return OperationCost
			.of(parsed, parsed.getDefinitionsOfType(OperationDefinition.class).getFirst(), variables, SCHEMA)
			.points();
	}

}
