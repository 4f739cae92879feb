package io.towerline.core.sweep;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Spreads a sweep's items evenly over a span instead of starting them all at once (ADR
 * 0263): item {@code i} of {@code n} starts {@code i × span / n} after the first, so a
 * thousand routers' probes cost the machine the same every second of the span rather than
 * one burst that every other request waits behind. A wait is cut into slices so a
 * stopping scheduler is noticed within one slice; what has not started when it stops is
 * left for the next sweep.
 */
final class SweepPacing {

	/** The longest single sleep, so a shutdown is noticed within it. */
	static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	/** Sleeps the calling thread. */
	@FunctionalInterface
	interface Sleeper {

		void sleep(long nanos) throws InterruptedException;

	}

	private final long spanNanos;

	private final int count;

	private final BooleanSupplier stopping;

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	private final long start;

	SweepPacing(Duration span, int count, BooleanSupplier stopping, LongSupplier nanoTime, Sleeper sleeper) {
		this.spanNanos = Math.max(0, span.toNanos());
		this.count = Math.max(1, count);
		this.stopping = stopping;
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
		this.start = nanoTime.getAsLong();
	}

	/**
	 * Pacing that starts now, on the system's clock.
	 * @param span how long the items' starts are spread over
	 * @param count how many items there are
	 * @param stopping true once the sweep is to stop starting items
	 * @return the pacing
	 */
	static SweepPacing over(Duration span, int count, BooleanSupplier stopping) {
		return new SweepPacing(span, count, stopping, System::nanoTime, (nanos) -> TimeUnit.NANOSECONDS.sleep(nanos));
	}

	/**
	 * Waits until item {@code index} is due.
	 * @param index the item's place, from 0
	 * @return false when the sweep is to stop (the scheduler stops, or the thread was
	 * interrupted, whose flag is kept) before the item is due
	 */
	boolean awaitTurn(int index) {
		long due = this.start + (long) (this.spanNanos * ((double) index / this.count));
		while (true) {
			if (this.stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
				return false;
			}
			long left = due - this.nanoTime.getAsLong();
			if (left <= 0) {
				return true;
			}
			try {
				this.sleeper.sleep(Math.min(left, SLICE_NANOS));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

}
