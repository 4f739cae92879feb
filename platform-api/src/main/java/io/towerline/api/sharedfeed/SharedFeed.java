package io.towerline.api.sharedfeed;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import reactor.core.publisher.Sinks;

/**
 * One key's feed: its watchers, the feature's state of the last read, and the lock that
 * orders joining, leaving and pushing, so a watcher neither misses nor repeats an
 * element.
 *
 * @param <S> what the feature keeps between reads (guarded by the lock unless it guards
 * itself)
 * @param <T> what watchers get
 */
public final class SharedFeed<S, T> {

	private final ReentrantLock lock = new ReentrantLock();

	private final Set<Sinks.Many<T>> sinks = ConcurrentHashMap.newKeySet();

	private final S state;

	private boolean closed;

	SharedFeed(S state) {
		this.state = state;
	}

	public S state() {
		return this.state;
	}

	/** Runs {@code work} under the feed's lock. */
	public <R> R locked(Supplier<R> work) {
		this.lock.lock();
		try {
			return work.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Runs {@code work} under the feed's lock unless the last watcher has left. */
	public void whileWatched(Runnable work) {
		locked(() -> {
			if (!this.closed) {
				work.run();
			}
			return null;
		});
	}

	/** Hands {@code element} to every watcher; the caller holds the lock. */
	public void push(T element) {
		this.sinks.forEach((sink) -> sink.tryEmitNext(element));
	}

	/** Hands {@code element} to every watcher unless the last one has left. */
	public void publish(T element) {
		whileWatched(() -> push(element));
	}

	/** Whether the last watcher left (a new watcher then gets a new feed). */
	boolean closed() {
		return this.closed;
	}

	/** Adds a watcher; the caller holds the lock. */
	void add(Sinks.Many<T> sink) {
		this.sinks.add(sink);
	}

	/** Removes a watcher; whether it was the last one (the feed is closed then). */
	boolean remove(Sinks.Many<T> sink) {
		return locked(() -> {
			this.sinks.remove(sink);
			if (this.sinks.isEmpty()) {
				this.closed = true;
			}
			return this.closed;
		});
	}

	void complete() {
		this.sinks.forEach(Sinks.Many::tryEmitComplete);
	}

}
