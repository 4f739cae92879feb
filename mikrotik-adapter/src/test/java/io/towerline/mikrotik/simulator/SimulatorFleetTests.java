package io.towerline.mikrotik.simulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.client.RouterEndpoint;
import io.towerline.mikrotik.client.RouterTls;
import io.towerline.mikrotik.credentials.UsernamePassword;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet starts on distinct ports, every router answers, background work shares one
 * thread, and closing it leaves no thread behind.
 */
class SimulatorFleetTests {

	@Test
	void shouldStartFiftyRoutersAndCloseThemWithoutLeakingThreads() {
		int platformThreadsBefore = simulatorPlatformThreads();
		try (SimulatorFleet fleet = SimulatorFleet.start(50,
				(router) -> router.user(TestRouters.USER, TestRouters.PASSWORD)
					.secrets(25)
					.onlineShare(0.8)
					.churn(0.05)
					.traffic(true));
				RouterClients clients = TestRouters.clients()) {
			assertThat(fleet.size()).isEqualTo(50);
			assertThat(new HashSet<>(fleet.ports())).hasSize(50);
			assertThat(fleet.onlineSessions()).isEqualTo(50 * 20);
			Set<String> identities = new HashSet<>();
			for (RouterOsSimulator simulator : fleet.simulators()) {
				RouterClient client = clients.client(new RouterEndpoint("127.0.0.1", simulator.port(), RouterTls.none(),
						new UsernamePassword(TestRouters.USER, TestRouters.PASSWORD.toCharArray())));
				identities.add(client.system().identity());
				assertThat(client.pppActive().count()).isEqualTo(simulator.onlineCount());
			}
			assertThat(identities).hasSize(50);
			assertThat(simulatorPlatformThreads() - platformThreadsBefore)
				.as("one shared ticker, everything else on virtual threads")
				.isLessThanOrEqualTo(1);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> simulatorPlatformThreads() <= platformThreadsBefore);
	}

	private static int simulatorPlatformThreads() {
		List<Thread> threads = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("simulator"))
			.toList();
		return threads.size();
	}

}
