package io.towerline.api.bench;

import java.util.List;

import io.towerline.mikrotik.simulator.SimulatorFleet;

/**
 * The simulated routers FleetBenchmark tracks: in the platform's JVM, or in a process of
 * their own (as production's routers are not in the platform's process).
 */
interface BenchFleet extends AutoCloseable {

	/** The routers' API ports, router 0 first. */
	List<Integer> ports();

	/** Brings {@code name} online on router {@code index}; false if it was already. */
	boolean connect(int index, String name);

	/** Sessions online on all routers together. */
	int onlineSessions();

	@Override
	void close();

	/** The fleet in this JVM. */
	static BenchFleet inProcess(SimulatorFleet fleet) {
		return new BenchFleet() {

			@Override
			public List<Integer> ports() {
				return fleet.ports();
			}

			@Override
			public boolean connect(int index, String name) {
				return fleet.get(index).connectSubscriber(name);
			}

			@Override
			public int onlineSessions() {
				return fleet.onlineSessions();
			}

			@Override
			public void close() {
				fleet.close();
			}

		};
	}

}
