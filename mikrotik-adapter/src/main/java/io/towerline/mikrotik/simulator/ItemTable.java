package io.towerline.mikrotik.simulator;

import java.util.ArrayList;
import java.util.HashMap;
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

	/**
	 * The first item (in table order) of each name: name lookups are what every
	 * {@code set}, {@code remove}, login and duplicate check does, on tables of 10,000s.
	 */
	private final Map<String, String> idByName = new HashMap<>();

	/**
	 * Whether two items ever shared a name; until then a name lookup is the whole truth.
	 */
	private boolean sharedNames;

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
		String first = this.idByName.get(name);
		if (first == null) {
			return false;
		}
		if (!first.equals(id)) {
			return true;
		}
		if (!this.sharedNames) {
			return false;
		}
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
		String id = this.idByName.get(name);
		return (id != null) ? Optional.of(new LinkedHashMap<>(this.items.get(id))) : Optional.empty();
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
		return this.idByName.get(token);
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
		indexAdded(item);
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
		String oldName = item.get("name");
		item.putAll(changes);
		String newName = item.get("name");
		if (oldName != null && !oldName.equals(newName)) {
			indexRemoved(oldName, id);
		}
		indexAdded(item);
		publish(item);
		return null;
	}

	synchronized @Nullable Map<String, String> remove(String id) {
		Map<String, String> removed = this.items.remove(id);
		if (removed != null) {
			indexRemoved(removed.get("name"), id);
			publish(Map.of(".id", id, ".dead", this.deadFlag));
		}
		return removed;
	}

	private void indexAdded(Map<String, String> item) {
		String name = item.get("name");
		if (name != null) {
			String first = this.idByName.putIfAbsent(name, item.get(".id"));
			this.sharedNames |= first != null && !first.equals(item.get(".id"));
		}
	}

	/**
	 * The item {@code id} no longer has {@code name}; another of that name may take over.
	 */
	private void indexRemoved(@Nullable String name, String id) {
		if (name == null || !id.equals(this.idByName.get(name))) {
			return;
		}
		this.idByName.remove(name);
		if (!this.sharedNames) {
			return;
		}
		for (Map<String, String> item : this.items.values()) {
			if (name.equals(item.get("name"))) {
				this.idByName.put(name, item.get(".id"));
				return;
			}
		}
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
