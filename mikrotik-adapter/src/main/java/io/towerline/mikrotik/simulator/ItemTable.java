package io.towerline.mikrotik.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The items of one menu, each a map of raw property values with a {@code .id} of the form
 * {@code *1A}. Changes are published to {@code listen} subscribers; a removed item is
 * published as {@code .id} plus {@code .dead=yes} (the documented spelling; RouterOS 7
 * sends {@code .dead=true}).
 */
final class ItemTable {

	private final String deadFlag;

	private final Map<String, Map<String, String>> items = new LinkedHashMap<>();

	private final List<BlockingQueue<Map<String, String>>> listeners = new CopyOnWriteArrayList<>();

	private int nextId = 1;

	ItemTable() {
		this("yes");
	}

	/**
	 * @param deadFlag the value of {@code .dead} in the {@code listen} reply for a
	 * removed item
	 */
	ItemTable(String deadFlag) {
		this.deadFlag = deadFlag;
	}

	synchronized List<Map<String, String>> snapshot() {
		List<Map<String, String>> copy = new ArrayList<>(this.items.size());
		this.items.values().forEach((item) -> copy.add(new LinkedHashMap<>(item)));
		return copy;
	}

	/**
	 * Whether an item other than {@code id} (null for a new item) has this name; no
	 * copying, for big tables.
	 */
	synchronized boolean hasOtherNamed(String name, @Nullable String id) {
		for (Map<String, String> item : this.items.values()) {
			if (name.equals(item.get("name")) && !item.get(".id").equals(id)) {
				return true;
			}
		}
		return false;
	}

	synchronized int size() {
		return this.items.size();
	}

	synchronized Optional<Map<String, String>> byName(String name) {
		return this.items.values()
			.stream()
			.filter((item) -> name.equals(item.get("name")))
			.findFirst()
			.map(LinkedHashMap::new);
	}

	/**
	 * Resolves one address token the way RouterOS does: {@code *1A} is an id, anything
	 * else is an item name.
	 * @return the {@code .id}, or null when nothing matches
	 */
	synchronized @Nullable String resolve(String token) {
		if (token.startsWith("*")) {
			return this.items.containsKey(token) ? token : null;
		}
		return this.items.values()
			.stream()
			.filter((item) -> token.equals(item.get("name")))
			.map((item) -> item.get(".id"))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Adds an item unless {@code check} (run under the table's lock) returns an error
	 * message.
	 * @return the new {@code .id}, or the error message prefixed with {@code !}
	 */
	synchronized String add(Map<String, String> fields, Function<Map<String, String>, @Nullable String> check) {
		String error = check.apply(fields);
		if (error != null) {
			return "!" + error;
		}
		String id = "*" + Integer.toHexString(this.nextId++).toUpperCase(Locale.ROOT);
		Map<String, String> item = new LinkedHashMap<>();
		item.put(".id", id);
		item.putAll(fields);
		this.items.put(id, item);
		publish(item);
		return id;
	}

	/**
	 * Applies changes under the lock unless {@code check} objects; returns the error or
	 * null.
	 */
	synchronized @Nullable String update(String id, Map<String, String> changes,
			Function<Map<String, String>, @Nullable String> check) {
		Map<String, String> item = this.items.get(id);
		if (item == null) {
			return "no such item";
		}
		Map<String, String> updated = new LinkedHashMap<>(item);
		updated.putAll(changes);
		String error = check.apply(updated);
		if (error != null) {
			return error;
		}
		item.putAll(changes);
		publish(item);
		return null;
	}

	synchronized @Nullable Map<String, String> remove(String id) {
		Map<String, String> removed = this.items.remove(id);
		if (removed != null) {
			publish(Map.of(".id", id, ".dead", this.deadFlag));
		}
		return removed;
	}

	BlockingQueue<Map<String, String>> subscribe() {
		BlockingQueue<Map<String, String>> queue = new LinkedBlockingQueue<>();
		this.listeners.add(queue);
		return queue;
	}

	void unsubscribe(BlockingQueue<Map<String, String>> queue) {
		this.listeners.remove(queue);
	}

	private void publish(Map<String, String> item) {
		Map<String, String> copy = new LinkedHashMap<>(item);
		this.listeners.forEach((listener) -> listener.add(copy));
	}

}
