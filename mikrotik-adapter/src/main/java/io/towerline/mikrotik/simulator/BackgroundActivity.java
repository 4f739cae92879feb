package io.towerline.mikrotik.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.Random;

/**
 * What a router does on its own between API calls, one tick at a time on the shared
 * {@link SimulatorTicker}: subscribers log in and out (each online session ends at
 * {@code churn} per hour; offline subscribers dial in at the rate that keeps the online
 * share around its target), PPPoE clients redial after a reboot, and traffic moves the
 * counters along the daily curve. Only ever runs on the ticker thread.
 */
final class BackgroundActivity implements Runnable {

	private static final long NAMES_REFRESH_NANOS = Duration.ofSeconds(30).toNanos();

	/** After a reboot, PPPoE clients find the router again within this window. */
	private static final long REDIAL_WINDOW_NANOS = Duration.ofSeconds(60).toNanos();

	private static final int LOGIN_ATTEMPTS = 20;

	private final SimulatedRouter router;

	private final Random random;

	private final double churnPerHour;

	private final double onlineShare;

	private final boolean traffic;

	private final Queue<Redial> redials = new ArrayDeque<>();

	private List<String> names = List.of();

	private long namesRefreshedAt;

	private long lastTick = System.nanoTime();

	private volatile boolean paused;

	private record Redial(String name, long dueNanos) {
	}

	BackgroundActivity(SimulatedRouter router, Random random, double churnPerHour, double onlineShare,
			boolean traffic) {
		this.router = router;
		this.random = random;
		this.churnPerHour = churnPerHour;
		this.onlineShare = onlineShare;
		this.traffic = traffic;
	}

	/** While the router is down nothing happens on it. */
	void paused(boolean paused) {
		this.paused = paused;
	}

	/**
	 * The clients that were online redial over the minute after the router is back, in
	 * random order.
	 */
	void redialAfterBoot(List<String> wasOnline, Duration bootDelay) {
		List<String> shuffled = new ArrayList<>(wasOnline);
		Collections.shuffle(shuffled, this.random);
		long start = System.nanoTime() + bootDelay.toNanos();
		List<Redial> planned = new ArrayList<>();
		for (String name : shuffled) {
			planned.add(new Redial(name, start + (long) (this.random.nextDouble() * REDIAL_WINDOW_NANOS)));
		}
		planned.sort(Comparator.comparingLong(Redial::dueNanos));
		synchronized (this.redials) {
			this.redials.clear();
			this.redials.addAll(planned);
		}
	}

	@Override
	public void run() {
		long now = System.nanoTime();
		double seconds = (now - this.lastTick) / 1e9;
		this.lastTick = now;
		if (this.paused) {
			return;
		}
		redial(now);
		if (this.churnPerHour > 0) {
			churn(seconds, now);
		}
		if (this.traffic) {
			double weight = DailyTraffic.weight(this.router.clock());
			PppSessions sessions = this.router.sessions();
			for (OnlineSession session : sessions.sessions()) {
				DailyTraffic.tick(sessions, session, weight, seconds, this.random);
			}
		}
	}

	private void redial(long now) {
		synchronized (this.redials) {
			while (!this.redials.isEmpty() && this.redials.peek().dueNanos() <= now) {
				this.router.connect(this.redials.poll().name());
			}
		}
	}

	private void churn(double seconds, long now) {
		PppSessions sessions = this.router.sessions();
		int online = sessions.onlineCount();
		int offline = Math.max(0, this.router.secrets().size() - online);
		double hours = seconds / 3600;
		int logouts = poisson(online * this.churnPerHour * hours);
		for (int i = 0; i < logouts; i++) {
			OnlineSession session = sessions.pick(this.random);
			if (session != null) {
				sessions.disconnect(session.name(), "peer-request");
			}
		}
		if (this.onlineShare <= 0 || offline == 0) {
			return;
		}
		// equilibrium: online * churn = offline * loginRate, online / (online + offline)
		// = share
		double loginRate = (this.onlineShare >= 1) ? this.churnPerHour * 1e3
				: this.churnPerHour * this.onlineShare / (1 - this.onlineShare);
		int logins = poisson(offline * loginRate * hours);
		for (int i = 0; i < logins; i++) {
			login(now);
		}
	}

	/** A random offline subscriber dials in. */
	private void login(long now) {
		if (now - this.namesRefreshedAt > NAMES_REFRESH_NANOS || this.names.isEmpty()) {
			this.names = this.router.secrets().snapshot().stream().map((secret) -> secret.get("name")).toList();
			this.namesRefreshedAt = now;
		}
		if (this.names.isEmpty()) {
			return;
		}
		for (int attempt = 0; attempt < LOGIN_ATTEMPTS; attempt++) {
			if (this.router.connect(this.names.get(this.random.nextInt(this.names.size()))) != null) {
				return;
			}
		}
	}

	/** A Poisson draw: how many of many rare, independent events happen in one tick. */
	private int poisson(double mean) {
		if (mean <= 0) {
			return 0;
		}
		if (mean > 30) {
			return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * this.random.nextGaussian()));
		}
		double limit = Math.exp(-mean);
		double product = this.random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= this.random.nextDouble();
			count++;
		}
		return count;
	}

}
