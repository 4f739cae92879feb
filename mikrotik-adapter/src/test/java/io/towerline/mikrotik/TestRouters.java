package io.towerline.mikrotik;

import java.time.Duration;

import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.client.RouterClientSettings;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.client.RouterEndpoint;
import io.towerline.mikrotik.client.RouterTls;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.resilience.RetryPolicy;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;

/**
 * Simulators and clients wired the way the tests need them: short timeouts, no
 * throttling.
 */
public final class TestRouters {

	public static final String USER = "towerline";

	public static final String PASSWORD = "s3cret";

	private TestRouters() {
	}

	public static RouterOsSimulator.Builder simulator(SimulatorVersion version) {
		return RouterOsSimulator.builder().version(version).user(USER, PASSWORD).monitorInterval(Duration.ofMillis(50));
	}

	public static RouterEndpoint endpoint(RouterOsSimulator simulator) {
		return new RouterEndpoint("127.0.0.1", simulator.port(), RouterTls.none(),
				new UsernamePassword(USER, PASSWORD.toCharArray()));
	}

	public static RouterClientSettings.Builder settings() {
		return RouterClientSettings.builder()
			.connectTimeout(Duration.ofSeconds(2))
			.loginTimeout(Duration.ofSeconds(2))
			.commandTimeout(Duration.ofSeconds(5))
			.cancelGrace(Duration.ofSeconds(1))
			.throttle(100_000, 100_000)
			.readRetry(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100)));
	}

	public static RouterClients clients() {
		return new RouterClients(settings().build(), null, RouterCommandAuditor.NONE);
	}

	public static RouterClient client(RouterClients clients, RouterOsSimulator simulator) {
		return clients.client(endpoint(simulator));
	}

}
