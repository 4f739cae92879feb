package io.towerline.core.session.keys;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One tenant's copy and how far it is brought up to date. Bringing it up to date is one
 * at a time (the reads must be applied in the order their snapshots were taken, or a
 * removal could be undone); a search that waited while another brought it up to date from
 * a snapshot taken after the search arrived uses that. Searches scan together. A read is
 * applied only when {@link KeyMemory} lets the copy hold what it then holds (ADR 0246); a
 * copy dropped from memory is never changed again, so a search already in it finishes on
 * what it held.
 */
final class TenantKeys {

	private final String schema;

	private final long wholeAfterNanos;

	private final KeyMemory memory;

	private final ReentrantLock syncing = new ReentrantLock();

	private final ReentrantReadWriteLock reading = new ReentrantReadWriteLock();

	private final KeyMirror mirror = new KeyMirror();

	private @Nullable String identity;

	private long xmin;

	/** When the last read that brought the copy up to date started. */
	private long syncStartedNanos;

	private volatile long usedNanos;

	/**
	 * @param wholeAfterNanos how long the copy may go without being brought up to date
	 * before it is read whole again (under the time removal markers are kept)
	 */
	TenantKeys(String schema, long wholeAfterNanos, KeyMemory memory) {
		this.schema = schema;
		this.wholeAfterNanos = wholeAfterNanos;
		this.memory = memory;
		this.usedNanos = System.nanoTime();
	}

	/**
	 * The search's page and count, on a copy brought up to date by a read that started
	 * after {@code askedNanos}; null when the copy was dropped from memory before it was
	 * (the search is answered by the database).
	 */
	@Nullable Found find(JdbcTemplate jdbc, KeyQuery query, long askedNanos) {
		this.usedNanos = askedNanos;
		this.syncing.lock();
		try {
			if ((this.identity == null || this.syncStartedNanos - askedNanos < 0)
					&& (!this.memory.holds(this) || !sync(jdbc))) {
				return null;
			}
		}
		finally {
			this.syncing.unlock();
		}
		this.reading.readLock().lock();
		try {
			return this.mirror.find(query);
		}
		finally {
			this.reading.readLock().unlock();
		}
	}

	String schema() {
		return this.schema;
	}

	long usedNanos() {
		return this.usedNanos;
	}

	int size() {
		this.reading.readLock().lock();
		try {
			return this.mirror.size();
		}
		finally {
			this.reading.readLock().unlock();
		}
	}

	/**
	 * Brings the copy up to date; false when memory may not hold what it would then hold.
	 */
	private boolean sync(JdbcTemplate jdbc) {
		long started = System.nanoTime();
		boolean whole = this.identity == null || started - this.syncStartedNanos > this.wholeAfterNanos;
		// a whole read stops one key past the bound: that many say the tenant is too big
		int most = this.memory.maxKeys() + 1;
		KeyChanges changes = whole ? KeyChangeReader.all(jdbc, this.schema, most)
				: KeyChangeReader.since(jdbc, this.schema, this.xmin);
		// another table (a tenant moved or made again), or a transaction id from before
		// the last read: the changes say nothing about this copy
		if (!whole && (!changes.identity().equals(this.identity) || changes.xmin() < this.xmin)) {
			changes = KeyChangeReader.all(jdbc, this.schema, most);
		}
		if (!this.memory.hold(this, this.mirror.sizeAfter(changes), System.nanoTime())) {
			return false;
		}
		apply(changes);
		this.syncStartedNanos = started;
		return true;
	}

	private void apply(KeyChanges changes) {
		this.reading.writeLock().lock();
		try {
			if (changes.whole()) {
				this.mirror.clear();
			}
			changes.gone().forEach(this.mirror::remove);
			changes.keys().forEach(this.mirror::put);
			this.mirror.settle();
			this.identity = changes.identity();
			this.xmin = changes.xmin();
		}
		finally {
			this.reading.writeLock().unlock();
		}
	}

}
