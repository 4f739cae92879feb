package io.towerline.mikrotik.client;

import java.time.Duration;

import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D1: RouterOS 7.18+ answers an empty print with {@code !empty}; 3.0.8 hung on it
 * forever.
 */
class EmptyReplyTests {

	private final RouterUnderTest under = RouterUnderTest
		.start(TestRouters.simulator(SimulatorVersion.V7_19).secrets(3));

	private final RouterOsSimulator simulator = this.under.simulator();

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldReturnEmptyResultsAndKeepTheConnectionUsable() {
		RouterClient router = this.router;
		long started = System.nanoTime();
		assertThat(router.pppSecrets().find("nobody")).isEmpty();
		assertThat(router.pppActive().list()).isEmpty();
		assertThat(router.system().health()).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
		assertThat(router.pppSecrets().list()).hasSize(3);
		assertThat(router.openConnections()).isEqualTo(1);
	}

}
