package io.towerline.api.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import graphql.TrivialDataFetcher;
import graphql.execution.DataFetcherResult;
import graphql.relay.Connection;
import graphql.relay.ConnectionCursor;
import graphql.relay.DefaultConnection;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.WindowConnectionAdapter;

/**
 * Turns the {@link Window}s that connection fields return into connections whose cursors
 * are encoded only when a client selects them ({@code cursor}, {@code startCursor},
 * {@code endCursor}). Spring for GraphQL encodes a cursor for every edge up front, which
 * was the largest single cost of a page query that never asks for cursors. Must wrap the
 * controllers' data fetchers before Spring's connection adapter does (it passes finished
 * connections through), hence registered first.
 */
final class LazyCursorConnections extends GraphQLTypeVisitorStub {

	private final WindowConnectionAdapter adapter;

	LazyCursorConnections(WindowConnectionAdapter adapter) {
		this.adapter = adapter;
	}

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
			TraverserContext<GraphQLSchemaElement> context) {
		GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
		if (registry != null && context.getParentNode() instanceof GraphQLFieldsContainer parent
				&& GraphQLTypeUtil.unwrapAll(field.getType()).getName().endsWith("Connection")) {
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
			if (!(fetcher instanceof TrivialDataFetcher<?>)) {
				registry.dataFetcher(coordinates, new WindowFetcher(fetcher, this.adapter));
			}
		}
		return TraversalControl.CONTINUE;
	}

	private record WindowFetcher(DataFetcher<?> delegate,
			WindowConnectionAdapter adapter) implements DataFetcher<Object> {

		@Override
		public @Nullable Object get(DataFetchingEnvironment environment) throws Exception {
			Object result = this.delegate.get(environment);
			if (result instanceof CompletionStage<?> stage) {
				return stage.thenApply(this::adapt);
			}
			return adapt(result);
		}

		private @Nullable Object adapt(@Nullable Object value) {
			if (value instanceof DataFetcherResult<?> result && result.getData() instanceof Window<?> window) {
				return DataFetcherResult.newResult()
					.data(connection(window))
					.errors(result.getErrors())
					.localContext(result.getLocalContext())
					.build();
			}
			return (value instanceof Window<?> window) ? connection(window) : value;
		}

		private Connection<Object> connection(Window<?> window) {
			Collection<Object> nodes = this.adapter.getContent(window);
			if (nodes.isEmpty()) {
				return new DefaultConnection<>(List.of(), new DefaultPageInfo(null, null, false, false));
			}
			List<Edge<Object>> edges = new ArrayList<>(nodes.size());
			int index = 0;
			for (Object node : nodes) {
				int at = index++;
				edges.add(new DefaultEdge<>(node, new LazyCursor(() -> this.adapter.cursorAt(window, at))));
			}
			return new DefaultConnection<>(edges,
					new DefaultPageInfo(edges.get(0).getCursor(), edges.get(edges.size() - 1).getCursor(),
							this.adapter.hasPrevious(window), this.adapter.hasNext(window)));
		}

	}

	/**
	 * A cursor encoded on first use; GraphQL's String scalar serializes it through
	 * {@link #toString()}.
	 */
	private static final class LazyCursor implements ConnectionCursor {

		private final Supplier<String> encoder;

		private @Nullable String value;

		LazyCursor(Supplier<String> encoder) {
			this.encoder = encoder;
		}

		@Override
		public String getValue() {
			String encoded = this.value;
			if (encoded == null) {
				encoded = this.encoder.get();
				this.value = encoded;
			}
			return encoded;
		}

		@Override
		public String toString() {
			return getValue();
		}

	}

}
