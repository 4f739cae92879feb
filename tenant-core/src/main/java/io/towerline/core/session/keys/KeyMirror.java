package io.towerline.core.session.keys;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One tenant's search keys in memory, in slots: parallel arrays a search scans from the
 * first slot to the last used, with a free slot reused by the next key. Not thread-safe:
 * {@link TenantKeys} guards it.
 */
final class KeyMirror {

	private final Map<UUID, Integer> slots = new HashMap<>();

	private UUID[] ids = new UUID[0];

	private UUID[] routers = new UUID[0];

	private @Nullable UUID[] subscribers = new UUID[0];

	private long[] logins = new long[0];

	private String[] names = new String[0];

	/** Null in a free slot. */
	private @Nullable String[] texts = new String[0];

	private int[] free = new int[16];

	private int freeCount;

	/** Slots in use are below this. */
	private int high;

	int size() {
		return this.slots.size();
	}

	void clear() {
		this.slots.clear();
		Arrays.fill(this.texts, 0, this.high, null);
		Arrays.fill(this.ids, 0, this.high, null);
		Arrays.fill(this.routers, 0, this.high, null);
		Arrays.fill(this.subscribers, 0, this.high, null);
		Arrays.fill(this.names, 0, this.high, null);
		this.high = 0;
		this.freeCount = 0;
	}

	/** Adds the key, or replaces the one with its id. */
	void put(SearchKey key) {
		Integer slot = this.slots.get(key.id());
		int at = (slot != null) ? slot : take();
		if (slot == null) {
			this.slots.put(key.id(), at);
		}
		this.ids[at] = key.id();
		this.routers[at] = key.routerId();
		this.subscribers[at] = key.subscriberId();
		this.logins[at] = key.loginMicros();
		this.names[at] = key.sortName();
		this.texts[at] = key.search();
	}

	void remove(UUID id) {
		Integer slot = this.slots.remove(id);
		if (slot == null) {
			return;
		}
		this.texts[slot] = null;
		this.ids[slot] = null;
		this.routers[slot] = null;
		this.subscribers[slot] = null;
		this.names[slot] = null;
		if (this.freeCount == this.free.length) {
			this.free = Arrays.copyOf(this.free, this.free.length * 2);
		}
		this.free[this.freeCount++] = slot;
	}

	/**
	 * The page of {@code query} and how many keys match it, by one pass over the slots.
	 */
	Found find(KeyQuery query) {
		String text = query.text();
		UUID router = query.routerId();
		UUID subscriber = query.subscriberId();
		KeyOrder order = query.order();
		KeyPosition after = query.after();
		TopSlots top = new TopSlots(query.limit(), (a, b) -> KeyComparison.inOrder(order, this.logins[a], this.names[a],
				this.ids[a], this.logins[b], this.names[b], this.ids[b]));
		long matches = 0;
		for (int slot = 0; slot < this.high; slot++) {
			String searched = this.texts[slot];
			if (searched == null || (router != null && !router.equals(this.routers[slot]))
					|| (subscriber != null && !subscriber.equals(this.subscribers[slot])) || !searched.contains(text)) {
				continue;
			}
			matches++;
			if (after == null || KeyComparison.inOrder(order, this.logins[slot], this.names[slot], this.ids[slot],
					after.loginMicros(), after.sortName(), after.id()) > 0) {
				top.offer(slot);
			}
		}
		int[] page = top.inOrder();
		UUID[] pageIds = new UUID[page.length];
		for (int i = 0; i < page.length; i++) {
			pageIds[i] = this.ids[page[i]];
		}
		return new Found(List.of(pageIds), matches);
	}

	private int take() {
		if (this.freeCount > 0) {
			return this.free[--this.freeCount];
		}
		if (this.high == this.ids.length) {
			int capacity = Math.max(1_024, this.ids.length * 2);
			this.ids = Arrays.copyOf(this.ids, capacity);
			this.routers = Arrays.copyOf(this.routers, capacity);
			this.subscribers = Arrays.copyOf(this.subscribers, capacity);
			this.logins = Arrays.copyOf(this.logins, capacity);
			this.names = Arrays.copyOf(this.names, capacity);
			this.texts = Arrays.copyOf(this.texts, capacity);
		}
		return this.high++;
	}

}
