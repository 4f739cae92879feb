package io.towerline.mikrotik.client;

import java.time.Duration;

import io.towerline.mikrotik.RouterErrorCode;
import io.towerline.mikrotik.RouterTimeoutException;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.resilience.RetryPolicy;
import io.towerline.mikrotik.simulator.ReceivedCommand;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * D10: on timeout the library left the listener registered and the command running on the
 * router. Here a timeout sends {@code /cancel} for the tag, and a router that ignores the
 * cancel loses its connection.
 */
class CommandTimeoutTests {

	private final RouterUnderTest under = RouterUnderTest.start(
			TestRouters.simulator(SimulatorVersion.V7_19).secrets(5),
			TestRouters.settings()
				.commandTimeout(Duration.ofMillis(300))
				.cancelGrace(Duration.ofMillis(500))
				.readRetry(RetryPolicy.none())
				.build());

	private final RouterOsSimulator simulator = this.under.simulator();

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldCancelTheCommandOnTheRouterAndKeepTheConnection() {
		this.router.ping();
		this.simulator.faults().latency(Duration.ofSeconds(5));
		assertThatExceptionOfType(RouterTimeoutException.class).isThrownBy(() -> this.router.pppSecrets().list())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RouterErrorCode.ROUTER_TIMEOUT));
		ReceivedCommand print = this.simulator.receivedCommands()
			.stream()
			.filter((command) -> command.path().equals("/ppp/secret/print"))
			.findFirst()
			.orElseThrow();
		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.simulator.receivedCommands()
				.stream()
				.anyMatch((command) -> command.path().equals("/cancel")
						&& print.tag().equals(command.attributes().get("tag"))));
		this.simulator.faults().latency(Duration.ZERO);
		assertThat(this.router.pppSecrets().list()).hasSize(5);
		assertThat(this.router.openConnections()).isEqualTo(1);
	}

	@Test
	void shouldCloseTheConnectionOfARouterThatIgnoresCancel() {
		this.router.ping();
		this.simulator.faults().latency(Duration.ofSeconds(30)).ignoreCancel(true);
		assertThatExceptionOfType(RouterTimeoutException.class).isThrownBy(() -> this.router.pppSecrets().list());
		await().atMost(Duration.ofSeconds(3)).until(() -> this.router.openConnections() == 0);
		this.simulator.faults().reset();
		assertThat(this.router.pppSecrets().count()).isEqualTo(5);
	}

}
