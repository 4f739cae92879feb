package io.towerline.mikrotik.simulator;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One platform thread, shared by every simulator in the JVM, runs all background ticks
 * (churn, traffic): a thousand simulators cost one thread, not a thousand. It starts with
 * the first simulator that needs it and stops with the last.
 */
final class SimulatorTicker {

	private static final System.Logger log = System.getLogger(SimulatorTicker.class.getName());

	private static @Nullable ScheduledThreadPoolExecutor executor;

	private static int users;

	private SimulatorTicker() {
	}

	/**
	 * Runs {@code task} every {@code period}, first after a random part of it so that a
	 * fleet's ticks spread out.
	 */
	static ScheduledFuture<?> every(Duration period, Runnable task) {
		return every(period, Duration.ofNanos(ThreadLocalRandom.current().nextLong(Math.max(1, period.toNanos()))),
				task);
	}

	static synchronized ScheduledFuture<?> every(Duration period, Duration firstAfter, Runnable task) {
		ScheduledThreadPoolExecutor running = executor;
		if (running == null) {
			running = new ScheduledThreadPoolExecutor(1,
					Thread.ofPlatform().daemon().name("simulator-ticker").factory());
			running.setRemoveOnCancelPolicy(true);
			executor = running;
		}
		users++;
		long periodNanos = Math.max(1, period.toNanos());
		return running.scheduleAtFixedRate(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.log(Level.WARNING, "simulator background tick failed", ex);
			}
		}, firstAfter.toNanos(), periodNanos, TimeUnit.NANOSECONDS);
	}

	static synchronized void stop(ScheduledFuture<?> tick) {
		tick.cancel(false);
		users--;
		ScheduledThreadPoolExecutor running = executor;
		if (users == 0 && running != null) {
			running.shutdownNow();
			executor = null;
		}
	}

}
