package io.towerline.api.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;

/**
 * The demo's simulated routers, running in this process: subscribers dialling in and out
 * and traffic moving along a daily curve. They keep nothing across restarts (the platform
 * puts its subscribers back on them at start).
 */
final class DemoRouters implements AutoCloseable {

	static final String USERNAME = "demo";

	/** Loopback only, and a simulator: a published password costs nothing. */
	static final String PASSWORD = "demo-router";

	static final List<String> NAMES = List.of("demo-hilltop-1", "demo-hilltop-2");

	private final List<RouterOsSimulator> simulators = new ArrayList<>();

	static DemoRouters start(DemoProperties properties) {
		DemoRouters routers = new DemoRouters();
		for (int i = 0; i < NAMES.size(); i++) {
			routers.simulators.add(RouterOsSimulator.builder()
				.version(SimulatorVersion.V7_19)
				.port(properties.portOf(i))
				.identity(NAMES.get(i))
				.user(USERNAME, PASSWORD)
				.onlineShare(properties.onlineShare())
				.churn(properties.churnPerHour())
				.traffic(true)
				.tick(Duration.ofSeconds(1))
				.seed(i + 1)
				.start());
		}
		return routers;
	}

	List<RouterOsSimulator> simulators() {
		return this.simulators;
	}

	@Override
	public void close() {
		this.simulators.forEach(RouterOsSimulator::close);
	}

}
