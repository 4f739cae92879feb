package io.towerline.mikrotik;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The per-item outcome of a pipelined bulk operation, in input order. One failed item
 * never hides the others.
 *
 * @param items one entry per input
 * @param <T> the input type (a spec, a name)
 */
public record BatchResult<T>(List<Item<T>> items) {

	/**
	 * @param input what was asked
	 * @param id the router's {@code .id} for a created item, when there is one
	 * @param error why this item failed, or null
	 */
	public record Item<T>(T input, @Nullable String id, @Nullable RouterException error) {

		public boolean succeeded() {
			return this.error == null;
		}

	}

	public boolean allSucceeded() {
		return this.items.stream().allMatch(Item::succeeded);
	}

	public List<Item<T>> failures() {
		return this.items.stream().filter((item) -> !item.succeeded()).toList();
	}

	public long successCount() {
		return this.items.stream().filter(Item::succeeded).count();
	}

}
