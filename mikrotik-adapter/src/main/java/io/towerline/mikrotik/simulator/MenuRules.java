package io.towerline.mikrotik.simulator;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What distinguishes one table menu from another: its properties, defaults and validation
 * messages. The defaults describe a read-only table.
 */
interface MenuRules {

	/**
	 * Properties {@code add} and {@code set} accept; anything else is an "unknown
	 * parameter".
	 */
	default Set<String> writable() {
		return Set.of();
	}

	/**
	 * The stored item for an {@code add}: defaults filled in, properties in RouterOS's
	 * order.
	 */
	default Map<String, String> create(Map<String, String> requested) {
		return requested;
	}

	/**
	 * Validates an item about to be stored, under the table's lock.
	 * @param table the table, to look for duplicates
	 * @return a RouterOS trap message, or null when valid; "category:message" carries a
	 * category
	 */
	default @Nullable String check(Map<String, String> item, ItemTable table) {
		return null;
	}

	/** Why an item may not be removed, or null. */
	default @Nullable String checkRemove(Map<String, String> item) {
		return null;
	}

	/**
	 * What {@code print} shows for a stored item (computed properties such as uptime).
	 */
	default Map<String, String> view(Map<String, String> stored) {
		return stored;
	}

	/** Called after {@code remove}, e.g. to take a kicked session's interface down. */
	default void removed(Map<String, String> item) {
	}

	/**
	 * The checks every named item shares: a name is required and unique within the table.
	 * @param kind the word RouterOS uses in the duplicate message, e.g. {@code secret}
	 */
	static @Nullable String nameError(Map<String, String> item, ItemTable table, String kind) {
		String name = item.getOrDefault("name", "");
		if (name.isEmpty()) {
			return "1:value of name must not be empty";
		}
		return table.hasOtherNamed(name, item.get(".id")) ? "failure: " + kind + " with the same name already exists"
				: null;
	}

	static void putIfPresent(Map<String, String> item, Map<String, String> requested, String name) {
		String value = requested.get(name);
		if (value != null) {
			item.put(name, value);
		}
	}

}
