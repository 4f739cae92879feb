package io.towerline.core.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's fair share of the stream leases (ADR 0165): each round it renews the
 * leases it holds and takes free ones up to wanted streams / live replicas (rounded up),
 * and gives back what is above the share, so a replica that joins gets streams and every
 * replica carries about as many. Counts takeovers from replicas whose lease expired and
 * losses of leases that lapsed here.
 */
final class FairShareLeases {

	private static final Logger log = LoggerFactory.getLogger(FairShareLeases.class);

	private final StreamLeases leases;

	private final String owner;

	private final AtomicLong takeovers = new AtomicLong();

	private final AtomicLong losses = new AtomicLong();

	FairShareLeases(StreamLeases leases, String owner) {
		this.leases = leases;
		this.owner = owner;
	}

	/**
	 * One round over the streams {@code wanted}, {@code tracked} being those this replica
	 * tracks now; a tracked stream above the share is stopped through {@code stop} before
	 * its lease is given back, so no two replicas ever track one router.
	 * @return the keys held afterwards
	 */
	Set<String> hold(Set<String> wanted, Set<String> tracked, Duration ttl, Consumer<String> stop) {
		int live = Math.max(1, this.leases.announce(this.owner, ttl));
		int share = (wanted.size() + live - 1) / live;
		List<String> ask = new ArrayList<>(tracked.stream().filter(wanted::contains).toList());
		Map<String, String> takenFrom = new HashMap<>();
		if (ask.size() < share) {
			for (StreamLeases.Free free : this.leases.free(wanted, this.owner)) {
				if (ask.size() >= share) {
					break;
				}
				if (!tracked.contains(free.key())) {
					ask.add(free.key());
					if (free.lastOwner() != null && !free.lastOwner().equals(this.owner)) {
						takenFrom.put(free.key(), free.lastOwner());
					}
				}
			}
		}
		Set<String> held = this.leases.acquire(ask, this.owner, ttl);
		for (String key : tracked) {
			if (wanted.contains(key) && !held.contains(key)) {
				// our lease lapsed (a pause longer than the ttl) and another replica took
				// it
				this.losses.incrementAndGet();
				log.warn("Lost the stream lease of {} to another replica", key);
			}
		}
		takenFrom.forEach((key, from) -> {
			if (held.contains(key)) {
				this.takeovers.incrementAndGet();
				log.info("Took over the stream of {} from {}, whose lease expired", key, from);
			}
		});
		if (held.size() > share) {
			List<String> surplus = held.stream().sorted().limit(held.size() - share).toList();
			surplus.forEach(stop);
			this.leases.release(surplus, this.owner);
			surplus.forEach(held::remove);
		}
		return held;
	}

	long takeovers() {
		return this.takeovers.get();
	}

	long losses() {
		return this.losses.get();
	}

}
