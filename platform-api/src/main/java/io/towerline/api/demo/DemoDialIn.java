package io.towerline.api.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.towerline.mikrotik.simulator.RouterOsSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the demo's configured share of subscribers online as soon as the platform has
 * put their secrets on the simulators. Each pass dials in whoever arrived and, while some
 * are still missing, schedules the next pass {@link #PACE} later (for at most five
 * minutes) on one shared scheduler thread: no thread sleeps in between.
 */
final class DemoDialIn implements AutoCloseable {

	static final Duration PACE = Duration.ofMillis(500);

	private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(DemoDialIn.class);

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("demo-dial-in").factory());

	/**
	 * @param simulators the demo routers
	 * @param names per simulator, the user names the platform puts on it
	 * @param onlineShare the share dialled in
	 * @param current false once these simulators were replaced or stopped
	 */
	void start(List<RouterOsSimulator> simulators, List<List<String>> names, double onlineShare,
			BooleanSupplier current) {
		List<List<String>> pending = new ArrayList<>();
		names.forEach((list) -> pending.add(new ArrayList<>(list)));
		long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
		this.scheduler.execute(() -> pass(simulators, pending, new Random(42), onlineShare, current, deadline));
	}

	private void pass(List<RouterOsSimulator> simulators, List<List<String>> pending, Random random, double onlineShare,
			BooleanSupplier current, long deadline) {
		if (!current.getAsBoolean()) {
			return;
		}
		for (int i = 0; i < simulators.size(); i++) {
			RouterOsSimulator simulator = simulators.get(i);
			pending.get(i).removeIf((name) -> {
				if (simulator.secret(name).isEmpty()) {
					return false;
				}
				if (random.nextDouble() < onlineShare) {
					simulator.connectSubscriber(name);
				}
				return true;
			});
		}
		long missing = pending.stream().mapToLong(List::size).sum();
		if (missing == 0) {
			return;
		}
		if (System.nanoTime() >= deadline) {
			log.warn("{} demo subscribers never reached their simulators; they stay offline", missing);
			return;
		}
		this.scheduler.schedule(() -> pass(simulators, pending, random, onlineShare, current, deadline),
				PACE.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
