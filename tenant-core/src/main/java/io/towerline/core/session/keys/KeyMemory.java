package io.towerline.core.session.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The tenants' copies this replica holds, and the bound on the keys they hold together
 * (ADR 0246). A copy counts from the moment it is allowed to take its keys
 * ({@link #hold}) until it is dropped: then it leaves the map, and a search already in it
 * finishes on it (its keys are garbage after), while the next search of its tenant starts
 * a new copy. A tenant whose keys alone exceed the bound is searched in the database for
 * a while instead, and its keys are not read meanwhile.
 * <p>
 * Copies are looked up without the lock; the counts, and every removal from the map, are
 * under it. It is taken while a copy's own bringing up to date is under way (never the
 * other way round), and held only to count and to choose what to drop.
 */
final class KeyMemory {

	private final Map<String, TenantKeys> tenants = new ConcurrentHashMap<>();

	/**
	 * Tenants too big for the bound, and until when their searches go to the database.
	 */
	private final Map<String, Long> inDatabaseUntil = new ConcurrentHashMap<>();

	private final ReentrantLock counting = new ReentrantLock();

	/** Keys counted per copy in the map, under {@link #counting}. */
	private final Map<TenantKeys, Integer> counted = new HashMap<>();

	private final long wholeAfterNanos;

	private final int maxKeys;

	private final long tooBigNanos;

	/** The sum of {@link #counted}, under {@link #counting}. */
	private long held;

	/**
	 * @param wholeAfterNanos how long a copy may go without being brought up to date
	 * before it is read whole again
	 * @param maxKeys the most keys the copies may hold together
	 * @param tooBigNanos how long a tenant found too big is searched in the database
	 * before its keys are counted again
	 */
	KeyMemory(long wholeAfterNanos, int maxKeys, long tooBigNanos) {
		this.wholeAfterNanos = wholeAfterNanos;
		this.maxKeys = maxKeys;
		this.tooBigNanos = tooBigNanos;
	}

	/**
	 * The tenant's copy, a new one when it has none; null when the tenant is too big for
	 * the bound, which its searches are not to wait on.
	 */
	@Nullable TenantKeys tenant(String schema, long now) {
		Long until = this.inDatabaseUntil.get(schema);
		if (until != null && until - now > 0) {
			return null;
		}
		return this.tenants.computeIfAbsent(schema, (name) -> new TenantKeys(name, this.wholeAfterNanos, this));
	}

	/** The most keys a copy may read: more than the bound says the tenant is too big. */
	int maxKeys() {
		return this.maxKeys;
	}

	/** Whether the copy is still the one its tenant's searches use. */
	boolean holds(TenantKeys keys) {
		return this.tenants.get(keys.schema()) == keys;
	}

	/**
	 * Lets {@code keys} hold {@code size} keys, dropping the copies searched least
	 * recently as far as needed. False when the copy was dropped while it read (its
	 * search goes to the database), or when the tenant alone is over the bound: its copy
	 * is dropped and its searches go to the database for a while.
	 */
	boolean hold(TenantKeys keys, int size, long now) {
		this.counting.lock();
		try {
			if (!holds(keys)) {
				return false;
			}
			if (size > this.maxKeys) {
				drop(keys);
				this.inDatabaseUntil.put(keys.schema(), now + this.tooBigNanos);
				return false;
			}
			this.held -= this.counted.getOrDefault(keys, 0);
			if (this.held + size > this.maxKeys) {
				dropLeastRecentlySearched(keys, this.held + size - this.maxKeys);
			}
			this.counted.put(keys, size);
			this.held += size;
			return true;
		}
		finally {
			this.counting.unlock();
		}
	}

	/** Drops the copies not searched for {@code idleNanos}. */
	void dropIdle(long now, long idleNanos) {
		this.inDatabaseUntil.values().removeIf((until) -> until - now <= 0);
		if (this.tenants.values().stream().noneMatch((keys) -> now - keys.usedNanos() > idleNanos)) {
			return;
		}
		this.counting.lock();
		try {
			List.copyOf(this.tenants.values())
				.stream()
				.filter((keys) -> now - keys.usedNanos() > idleNanos)
				.forEach(this::drop);
		}
		finally {
			this.counting.unlock();
		}
	}

	/** How many keys each copy holds, by tenant schema. */
	Map<String, Integer> sizes() {
		Map<String, Integer> sizes = new HashMap<>();
		this.tenants.forEach((schema, keys) -> sizes.put(schema, keys.size()));
		return sizes;
	}

	/** How many keys the copies hold together, as counted. */
	long held() {
		this.counting.lock();
		try {
			return this.held;
		}
		finally {
			this.counting.unlock();
		}
	}

	private void dropLeastRecentlySearched(TenantKeys keeping, long over) {
		// when each was last searched, read once: the times move while they are sorted
		record Used(TenantKeys keys, long nanos) {
		}
		long base = keeping.usedNanos();
		List<Used> others = new ArrayList<>();
		this.counted.keySet()
			.stream()
			.filter((keys) -> keys != keeping)
			.forEach((keys) -> others.add(new Used(keys, keys.usedNanos())));
		others.sort(Comparator.comparingLong((Used used) -> used.nanos() - base));
		long freed = 0;
		for (Used other : others) {
			if (freed >= over) {
				return;
			}
			freed += this.counted.get(other.keys());
			drop(other.keys());
		}
	}

	private void drop(TenantKeys keys) {
		this.tenants.remove(keys.schema(), keys);
		Integer size = this.counted.remove(keys);
		if (size != null) {
			this.held -= size;
		}
	}

}
