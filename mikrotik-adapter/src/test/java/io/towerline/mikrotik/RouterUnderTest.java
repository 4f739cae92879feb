package io.towerline.mikrotik;

import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.client.RouterClientSettings;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.simulator.RouterOsSimulator;

/** A running simulator plus a client for it; close it after each test. */
public final class RouterUnderTest implements AutoCloseable {

	private final RouterOsSimulator simulator;

	private final RouterClients clients;

	private final RouterClient client;

	private RouterUnderTest(RouterOsSimulator simulator, RouterClients clients) {
		this.simulator = simulator;
		this.clients = clients;
		this.client = clients.client(TestRouters.endpoint(simulator));
	}

	public static RouterUnderTest start(RouterOsSimulator.Builder simulator) {
		return start(simulator, TestRouters.settings().build(), RouterCommandAuditor.NONE);
	}

	public static RouterUnderTest start(RouterOsSimulator.Builder simulator, RouterClientSettings settings) {
		return start(simulator, settings, RouterCommandAuditor.NONE);
	}

	public static RouterUnderTest start(RouterOsSimulator.Builder simulator, RouterClientSettings settings,
			RouterCommandAuditor auditor) {
		return new RouterUnderTest(simulator.start(), new RouterClients(settings, null, auditor));
	}

	public RouterOsSimulator simulator() {
		return this.simulator;
	}

	public RouterClient client() {
		return this.client;
	}

	public RouterClients clients() {
		return this.clients;
	}

	@Override
	public void close() {
		this.clients.close();
		this.simulator.close();
	}

}
