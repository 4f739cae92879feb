package io.towerline.core.session.keys;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One tenant's search keys in memory, in slots: parallel arrays, the search texts also
 * joined per block ({@link TextBlocks}), with a free slot reused by the next key. What a
 * search compares for its order is in primitive arrays (login time, the name's first
 * bytes, the id's two halves), so keeping the page costs no pointer chase per match. Not
 * thread-safe: {@link TenantKeys} guards it; {@link #settle()} after changes, before a
 * search.
 */
final class KeyMirror {

	private final Map<UUID, Integer> slots = new HashMap<>();

	private final TextBlocks blocks = new TextBlocks();

	private UUID[] ids = new UUID[0];

	private long[] idHigh = new long[0];

	private long[] idLow = new long[0];

	private UUID[] routers = new UUID[0];

	private @Nullable UUID[] subscribers = new UUID[0];

	private long[] logins = new long[0];

	private String[] names = new String[0];

	private long[] nameKeys = new long[0];

	private boolean[] wholeNames = new boolean[0];

	/** Null in a free slot. */
	private @Nullable String[] texts = new String[0];

	private int[] free = new int[16];

	private int freeCount;

	/** Slots in use are below this. */
	private int high;

	int size() {
		return this.slots.size();
	}

	/**
	 * How many keys the copy holds once {@code changes} are applied: a whole read's keys
	 * (the table's ids are unique), or those held now less the removed ones held and plus
	 * the changed ones not held (a read's removals are of ids absent from the table, so
	 * never among its keys).
	 */
	int sizeAfter(KeyChanges changes) {
		if (changes.whole()) {
			return changes.keys().size();
		}
		int after = size() - heldAmong(changes.gone());
		for (SearchKey key : changes.keys()) {
			if (!this.slots.containsKey(key.id())) {
				after++;
			}
		}
		return after;
	}

	/**
	 * How many different ids of {@code gone} the copy holds: an id removed twice since
	 * the previous read has two markers.
	 */
	private int heldAmong(List<UUID> gone) {
		if (gone.isEmpty()) {
			// a read that removes nothing allocates nothing
			return 0;
		}
		Set<UUID> held = new HashSet<>();
		for (UUID id : gone) {
			if (this.slots.containsKey(id)) {
				held.add(id);
			}
		}
		return held.size();
	}

	void clear() {
		this.slots.clear();
		Arrays.fill(this.texts, 0, this.high, null);
		Arrays.fill(this.ids, 0, this.high, null);
		Arrays.fill(this.routers, 0, this.high, null);
		Arrays.fill(this.subscribers, 0, this.high, null);
		Arrays.fill(this.names, 0, this.high, null);
		this.blocks.clear();
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
		this.idHigh[at] = key.id().getMostSignificantBits();
		this.idLow[at] = key.id().getLeastSignificantBits();
		this.routers[at] = key.routerId();
		this.subscribers[at] = key.subscriberId();
		this.logins[at] = key.loginMicros();
		this.names[at] = key.sortName();
		this.nameKeys[at] = KeyComparison.nameKey(key.sortName());
		this.wholeNames[at] = KeyComparison.wholeInKey(key.sortName());
		this.texts[at] = key.search();
		this.blocks.changed(at);
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
		this.blocks.changed(slot);
		if (this.freeCount == this.free.length) {
			this.free = Arrays.copyOf(this.free, this.free.length * 2);
		}
		this.free[this.freeCount++] = slot;
	}

	/** Joins the texts of the blocks that changed, for the next search. */
	void settle() {
		this.blocks.settle(this.texts, this.high);
	}

	/**
	 * The page of {@code query} and how many keys match it, by one pass over the joined
	 * texts.
	 */
	Found find(KeyQuery query) {
		UUID router = query.routerId();
		UUID subscriber = query.subscriberId();
		KeyOrder order = query.order();
		KeyPosition after = query.after();
		TopSlots top = new TopSlots(query.limit(), (a, b) -> compare(order, a, b));
		long afterKey = (after != null) ? KeyComparison.nameKey(after.sortName()) : 0;
		boolean afterWhole = after != null && KeyComparison.wholeInKey(after.sortName());
		long[] matches = new long[1];
		this.blocks.find(query.text(), this.high, (slot) -> {
			if ((router == null || router.equals(this.routers[slot]))
					&& (subscriber == null || subscriber.equals(this.subscribers[slot]))) {
				matches[0]++;
				if (after == null || comesAfter(order, slot, after, afterKey, afterWhole)) {
					top.offer(slot);
				}
			}
			return true;
		});
		int[] page = top.inOrder();
		UUID[] pageIds = new UUID[page.length];
		for (int i = 0; i < page.length; i++) {
			pageIds[i] = this.ids[page[i]];
		}
		return new Found(List.of(pageIds), matches[0]);
	}

	/** Negative when slot {@code a} comes before slot {@code b} in {@code order}. */
	private int compare(KeyOrder order, int a, int b) {
		return compare(order, this.logins[a], this.nameKeys[a], this.wholeNames[a], this.names[a], this.idHigh[a],
				this.idLow[a], this.logins[b], this.nameKeys[b], this.wholeNames[b], this.names[b], this.idHigh[b],
				this.idLow[b]);
	}

	private boolean comesAfter(KeyOrder order, int slot, KeyPosition position, long key, boolean whole) {
		UUID id = position.id();
		return compare(order, this.logins[slot], this.nameKeys[slot], this.wholeNames[slot], this.names[slot],
				this.idHigh[slot], this.idLow[slot], position.loginMicros(), key, whole, position.sortName(),
				id.getMostSignificantBits(), id.getLeastSignificantBits()) > 0;
	}

	/**
	 * {@link KeyComparison#inOrder} on the values a slot keeps in primitive arrays: the
	 * name's key first, the name itself only when the keys are equal and one name is
	 * longer than its key.
	 */
	private static int compare(KeyOrder order, long loginA, long keyA, boolean wholeA, String nameA, long highA,
			long lowA, long loginB, long keyB, boolean wholeB, String nameB, long highB, long lowB) {
		return switch (order) {
			case NAME -> {
				int byKey = Long.compareUnsigned(keyA, keyB);
				if (byKey != 0) {
					yield byKey;
				}
				int byName = (wholeA && wholeB) ? 0 : KeyComparison.names(nameA, nameB);
				yield (byName != 0) ? byName : ids(highA, lowA, highB, lowB);
			}
			case OLDEST -> {
				int byLogin = Long.compare(loginA, loginB);
				yield (byLogin != 0) ? byLogin : ids(highA, lowA, highB, lowB);
			}
			case NEWEST -> {
				int byLogin = Long.compare(loginB, loginA);
				yield (byLogin != 0) ? byLogin : ids(highB, lowB, highA, lowA);
			}
		};
	}

	private static int ids(long highA, long lowA, long highB, long lowB) {
		int byHigh = Long.compareUnsigned(highA, highB);
		return (byHigh != 0) ? byHigh : Long.compareUnsigned(lowA, lowB);
	}

	private int take() {
		if (this.freeCount > 0) {
			return this.free[--this.freeCount];
		}
		ensure(this.high + 1);
		return this.high++;
	}

	private void ensure(int capacity) {
		if (capacity <= this.ids.length) {
			return;
		}
		int size = Math.max(Math.max(1_024, capacity), this.ids.length * 2);
		this.ids = Arrays.copyOf(this.ids, size);
		this.idHigh = Arrays.copyOf(this.idHigh, size);
		this.idLow = Arrays.copyOf(this.idLow, size);
		this.routers = Arrays.copyOf(this.routers, size);
		this.subscribers = Arrays.copyOf(this.subscribers, size);
		this.logins = Arrays.copyOf(this.logins, size);
		this.names = Arrays.copyOf(this.names, size);
		this.nameKeys = Arrays.copyOf(this.nameKeys, size);
		this.wholeNames = Arrays.copyOf(this.wholeNames, size);
		this.texts = Arrays.copyOf(this.texts, size);
	}

}
