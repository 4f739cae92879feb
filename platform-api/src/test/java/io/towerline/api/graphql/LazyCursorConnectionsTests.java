package io.towerline.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphQL;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.WindowConnectionAdapter;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cursors cost only when asked for: a page read without cursors encodes none, a page read
 * with them gets each edge's cursor (and page info reuses the edges').
 */
class LazyCursorConnectionsTests {

	private static final String SCHEMA = """
			type Query { items: ItemConnection! }
			type ItemConnection { edges: [ItemEdge!]! pageInfo: PageInfo! }
			type ItemEdge { node: String! cursor: String! }
			type PageInfo { hasPreviousPage: Boolean! hasNextPage: Boolean! startCursor: String endCursor: String }
			""";

	private final AtomicInteger encoded = new AtomicInteger();

	private final GraphQL graphQl = GraphQlSource.schemaResourceBuilder()
		.schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8)))
		.configureRuntimeWiring((wiring) -> wiring.type("Query", (type) -> type.dataFetcher("items",
				(environment) -> Window.from(List.of("a", "b", "c"), (index) -> ScrollPosition.offset(index), true))))
		.typeVisitors(List.of(new LazyCursorConnections(new WindowConnectionAdapter(new CountingCursors()))))
		.build()
		.graphQl();

	@Test
	void shouldEncodeNoCursorWhenNoneIsSelected() {
		ExecutionResult result = this.graphQl.execute("{ items { edges { node } pageInfo { hasNextPage } } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData().toString()).contains("node=a", "node=b", "node=c",
				"hasNextPage=true");
		assertThat(this.encoded).hasValue(0);
	}

	@Test
	void shouldEncodeEachSelectedCursorOnce() {
		ExecutionResult result = this.graphQl
			.execute("{ items { edges { cursor } pageInfo { startCursor endCursor hasPreviousPage } } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData().toString()).contains("cursor=O_0", "cursor=O_1", "cursor=O_2",
				"startCursor=O_0", "endCursor=O_2", "hasPreviousPage=false");
		assertThat(this.encoded).hasValue(3);
	}

	@Test
	void shouldAnswerAnEmptyPageWithoutCursors() {
		GraphQL empty = GraphQlSource.schemaResourceBuilder()
			.schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8)))
			.configureRuntimeWiring((wiring) -> wiring.type("Query", (type) -> type.dataFetcher("items",
					(environment) -> Window.from(List.<String>of(), (index) -> ScrollPosition.offset(index), false))))
			.typeVisitors(List.of(new LazyCursorConnections(new WindowConnectionAdapter(new CountingCursors()))))
			.build()
			.graphQl();

		ExecutionResult result = empty.execute("{ items { edges { cursor } pageInfo { startCursor hasNextPage } } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData().toString()).contains("edges=[]", "startCursor=null",
				"hasNextPage=false");
	}

	private final class CountingCursors implements CursorStrategy<ScrollPosition> {

		@Override
		public boolean supports(Class<?> targetType) {
			return ScrollPosition.class.isAssignableFrom(targetType);
		}

		@Override
		public String toCursor(ScrollPosition position) {
			LazyCursorConnectionsTests.this.encoded.incrementAndGet();
			return "O_" + ((OffsetScrollPosition) position).getOffset();
		}

		@Override
		public ScrollPosition fromCursor(String cursor) {
			return ScrollPosition.offset(Long.parseLong(cursor.substring(2)));
		}

	}

}
