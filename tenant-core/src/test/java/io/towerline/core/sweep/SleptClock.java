package io.towerline.core.sweep;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sweep clock that moves only when the sweep sleeps, by exactly the time slept, so the
 * starts a test sees are exact and nothing sleeps for real. Safe to read from the sweep's
 * workers.
 */
public class SleptClock implements SweepClock {

	private final AtomicLong now = new AtomicLong(1_000);

	private final List<Long> sleeps = new CopyOnWriteArrayList<>();

	@Override
	public long nanoTime() {
		return this.now.get();
	}

	@Override
	public void sleep(long nanos) throws InterruptedException {
		this.sleeps.add(nanos);
		this.now.addAndGet(nanos);
	}

	/** Moves the clock without a sleep (the sweep's thread was held up). */
	public void advance(long nanos) {
		this.now.addAndGet(nanos);
	}

	/** The sleeps so far, in order. */
	public List<Long> sleeps() {
		return this.sleeps;
	}

	/** The time slept so far. */
	public long slept() {
		return this.sleeps.stream().mapToLong(Long::longValue).sum();
	}

}
