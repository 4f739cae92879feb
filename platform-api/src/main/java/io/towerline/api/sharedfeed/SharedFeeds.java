package io.towerline.api.sharedfeed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The shared feeds of one kind, by key (a tenant and what it watches): the first watcher
 * of a key creates its feed, later ones join it, and the feed is dropped when the last
 * one leaves, so the feature reads once per key however many watch.
 *
 * @param <K> what a feed is shared by
 * @param <S> what the feature keeps per feed between reads
 * @param <T> what watchers get
 */
public final class SharedFeeds<K, S, T> {

	private final Map<K, SharedFeed<S, T>> feeds = new ConcurrentHashMap<>();

	private final Function<K, S> newState;

	/**
	 * @param newState the feature's state of a new feed, before its first read
	 */
	public SharedFeeds(Function<K, S> newState) {
		this.newState = newState;
	}

	/**
	 * Joins the key's feed until the subscriber leaves. {@code greet} runs under the
	 * feed's lock before the watcher is added: it hands the newcomer what the others saw
	 * last (or starts the first read), and nothing is pushed to the others meanwhile.
	 */
	public Flux<T> follow(K key, BiConsumer<SharedFeed<S, T>, Sinks.Many<T>> greet) {
		return Flux.defer(() -> {
			Sinks.Many<T> sink = Sinks.many().unicast().onBackpressureBuffer();
			SharedFeed<S, T> feed = join(key, sink, greet);
			return sink.asFlux().doFinally((signal) -> leave(key, feed, sink));
		});
	}

	private SharedFeed<S, T> join(K key, Sinks.Many<T> sink, BiConsumer<SharedFeed<S, T>, Sinks.Many<T>> greet) {
		while (true) {
			SharedFeed<S, T> feed = this.feeds.computeIfAbsent(key, (k) -> new SharedFeed<>(this.newState.apply(k)));
			boolean joined;
			try {
				joined = feed.locked(() -> {
					if (feed.closed()) {
						// the last watcher left between the lookup and the lock: take a
						// new
						// one
						return false;
					}
					greet.accept(feed, sink);
					feed.add(sink);
					return true;
				});
			}
			catch (RuntimeException ex) {
				// a first read that failed leaves no feed nobody watches
				leave(key, feed, sink);
				throw ex;
			}
			if (joined) {
				return feed;
			}
		}
	}

	private void leave(K key, SharedFeed<S, T> feed, Sinks.Many<T> sink) {
		if (feed.remove(sink)) {
			this.feeds.remove(key, feed);
		}
	}

	/** Runs {@code work} for every feed watched now (a poll). */
	public void forEach(BiConsumer<K, SharedFeed<S, T>> work) {
		this.feeds.forEach(work);
	}

	/** Whether the key has at least one watcher now. */
	public boolean watched(K key) {
		return this.feeds.containsKey(key);
	}

	/** How many keys are watched now. */
	public int size() {
		return this.feeds.size();
	}

	/** Ends every watcher's stream (the replica stops). */
	public void completeAll() {
		this.feeds.values().forEach(SharedFeed::complete);
	}

}
