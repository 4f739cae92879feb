package io.towerline.core.sweep;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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

	private final long spanNanos;

	private final int count;

	private final BooleanSupplier stopping;

	private final SweepClock clock;

	private final long start;

	/**
	 * Pacing that starts now.
	 * @param span how long the items' starts are spread over
	 * @param count how many items there are
	 * @param stopping true once the sweep is to stop starting items
	 * @param clock what it reads the time from and sleeps on
	 */
	SweepPacing(Duration span, int count, BooleanSupplier stopping, SweepClock clock) {
		this.spanNanos = Math.max(0, span.toNanos());
		this.count = Math.max(1, count);
		this.stopping = stopping;
		this.clock = clock;
		this.start = clock.nanoTime();
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
			long left = due - this.clock.nanoTime();
			if (left <= 0) {
				return true;
			}
			try {
				this.clock.sleep(Math.min(left, SLICE_NANOS));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

}
