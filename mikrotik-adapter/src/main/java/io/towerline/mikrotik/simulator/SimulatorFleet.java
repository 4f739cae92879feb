package io.towerline.mikrotik.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Many simulated routers in one JVM, for benchmarks and the command line: each on its own
 * free port (or on consecutive ports from a first one), all configured alike. Cheap by
 * construction: connections run on virtual threads, background churn and traffic of the
 * whole fleet share one ticker thread, and a session is a few small objects.
 *
 * <pre>{@code
 * try (SimulatorFleet fleet = SimulatorFleet.start(1_000,
 *         (router) -> router.secrets(250).onlineShare(0.8).churn(0.05).traffic(true))) {
 *     fleet.ports();
 * }
 * }</pre>
 */
public final class SimulatorFleet implements AutoCloseable {

	private final List<RouterOsSimulator> simulators;

	private SimulatorFleet(List<RouterOsSimulator> simulators) {
		this.simulators = simulators;
	}

	/**
	 * Starts {@code routers} simulators on free ports, identities {@code sim-0001...},
	 * without recording commands; {@code settings} may change any of that.
	 */
	public static SimulatorFleet start(int routers, Consumer<RouterOsSimulator.Builder> settings) {
		return start(routers, 0, settings);
	}

	/**
	 * Starts {@code routers} simulators on ports {@code firstPort},
	 * {@code firstPort + 1}, ... (0: free ports). Each gets its own seed derived from the
	 * one configured, so that the routers of a seeded fleet differ but the fleet is
	 * reproducible.
	 */
	public static SimulatorFleet start(int routers, int firstPort, Consumer<RouterOsSimulator.Builder> settings) {
		List<RouterOsSimulator> started = new ArrayList<>(routers);
		try {
			for (int i = 0; i < routers; i++) {
				RouterOsSimulator.Builder builder = RouterOsSimulator.builder()
					.recordCommands(false)
					.identity(String.format(Locale.ROOT, "sim-%04d", i + 1));
				settings.accept(builder);
				builder.port((firstPort == 0) ? 0 : firstPort + i).seedOffset(i);
				started.add(builder.start());
			}
		}
		catch (RuntimeException ex) {
			started.forEach(RouterOsSimulator::close);
			throw ex;
		}
		return new SimulatorFleet(List.copyOf(started));
	}

	public List<RouterOsSimulator> simulators() {
		return this.simulators;
	}

	public RouterOsSimulator get(int index) {
		return this.simulators.get(index);
	}

	public int size() {
		return this.simulators.size();
	}

	public List<Integer> ports() {
		return this.simulators.stream().map(RouterOsSimulator::port).toList();
	}

	/** Sessions online over the whole fleet. */
	public int onlineSessions() {
		return this.simulators.stream().mapToInt(RouterOsSimulator::onlineCount).sum();
	}

	@Override
	public void close() {
		this.simulators.forEach(RouterOsSimulator::close);
	}

}
