package io.towerline.core.sweep;

import java.util.concurrent.TimeUnit;

/**
 * The clock a paced sweep waits on: the system's in production; a test's moves only when
 * the sweep sleeps, so each start it sees is exact and no test sleeps for real.
 */
public interface SweepClock {

	/** The system's monotonic clock and a real sleep. */
	SweepClock SYSTEM = new SweepClock() {

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public void sleep(long nanos) throws InterruptedException {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}

	};

	/** Monotonic time, as {@link System#nanoTime()}. */
	long nanoTime();

	/** Sleeps the calling thread for {@code nanos}. */
	void sleep(long nanos) throws InterruptedException;

}
