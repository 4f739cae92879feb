package io.towerline.api.limits;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentShapeTests {

	@Test
	void shouldMeasureDepthThroughFragmentsButNotThroughInlineFragments() {
		DocumentShape shape = shape("""
				query { pops(first: 1) { ...page } }
				fragment page on PopConnection { edges { ... on PopEdge { node { coordinates { latitude } } } } }
				""");

		assertThat(shape.depth()).isEqualTo(5);
	}

	@Test
	void shouldCountAliasesOncePerUseOfTheirFragment() {
		DocumentShape shape = shape("""
				query { a: me { ...who } b: me { ...who } me { ...who } }
				fragment who on Me { s1: subject s2: subject }
				""");

		assertThat(shape.aliases()).isEqualTo(2 + 3 * 2);
	}

	@Test
	void shouldReportTheWorstOperationOfTheDocument() {
		DocumentShape shape = shape("""
				query small { me { subject } }
				query big { a: me { b: subject } c: me { d: subject } }
				""");

		assertThat(shape.depth()).isEqualTo(2);
		assertThat(shape.aliases()).isEqualTo(4);
	}

	@Test
	void shouldTellIntrospectionFromTypename() {
		assertThat(shape("{ __typename me { __typename } }").introspects()).isFalse();
		assertThat(shape("{ __schema { types { name } } }").introspects()).isTrue();
		assertThat(shape("query { ...t } fragment t on Query { __type(name: \"Pop\") { name } }").introspects())
			.isTrue();
	}

	private static DocumentShape shape(String document) {
		return DocumentShape.of(new Parser().parseDocument(document));
	}

}
