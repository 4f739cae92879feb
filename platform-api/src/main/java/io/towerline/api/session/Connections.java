package io.towerline.api.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** Connection shapes of the session lists (edges, page info). */
final class Connections {

	private Connections() {
	}

	record Edge<T>(String cursor, T node) {

	}

	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {

	}

	/**
	 * Edges of a page read with one item more than asked for (which says more follow).
	 */
	static <T> List<Edge<T>> edges(List<T> fetched, int size, Function<T, String> cursor) {
		List<Edge<T>> edges = new ArrayList<>();
		for (T item : fetched.subList(0, Math.min(size, fetched.size()))) {
			edges.add(new Edge<>(cursor.apply(item), item));
		}
		return edges;
	}

	static <T> PageInfo pageInfo(List<Edge<T>> edges, boolean more, boolean after) {
		return new PageInfo(more, after, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
	}

}
