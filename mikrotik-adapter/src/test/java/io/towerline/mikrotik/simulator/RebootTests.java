package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.interfaces.RouterInterface;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A reboot as the platform sees it: streams and connections drop, sessions are gone,
 * counters and uptime start again, and after the boot delay the client gets back in.
 */
class RebootTests {

	private static final Duration BOOT = Duration.ofMillis(400);

	private final RouterUnderTest under = RouterUnderTest
		.start(TestRouters.simulator(SimulatorVersion.V6_49).secrets(10).onlineShare(0.5).rebootDelay(BOOT));

	private final RouterOsSimulator simulator = this.under.simulator();

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldDropSessionsAndConnectionsAndRestartCountersAndUptime() {
		this.simulator.addTraffic("sub00001", 5_000_000, 80_000_000, 4_000, 60_000);
		assertThat(this.router.system().resource().uptime()).isGreaterThan(Duration.ofDays(1));
		assertThat(this.router.pppActive().list()).hasSize(5);
		List<RouterException> streamErrors = new CopyOnWriteArrayList<>();
		RouterStream listen = this.router.pppActive().watch((event) -> {
		}, streamErrors::add);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.simulator.liveStreams("/ppp/active/listen") == 1);

		this.simulator.reboot();

		assertThat(this.simulator.isUp()).isFalse();
		assertThat(this.simulator.onlineSubscribers()).isEmpty();
		assertThat(this.simulator.connectSubscriber("sub00002")).as("nobody dials into a router that is down")
			.isFalse();
		await().atMost(Duration.ofSeconds(5)).until(() -> !streamErrors.isEmpty());
		assertThat(listen.isOpen()).isFalse();
		assertThat(this.simulator.openConnections()).isZero();
		assertThatExceptionOfType(ConnectException.class).as("refused while booting").isThrownBy(this::rawConnect);

		await().atMost(Duration.ofSeconds(10)).until(this.simulator::isUp);
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> this.router.ping());
		assertThat(this.router.system().resource().uptime()).isLessThan(Duration.ofMinutes(1));
		assertThat(this.router.pppActive().list()).isEmpty();
		assertThat(this.simulator.liveStreams("/ppp/active/listen")).isZero();
		RouterInterface uplink = this.router.interfaces().find("ether1").orElseThrow();
		assertThat(uplink.rxBytes()).as("counters restart at 0").isLessThan(80_000_000);

		this.simulator.connectSubscriber("sub00001");
		assertThat(this.router.interfaces().pppoeInterface("sub00001").orElseThrow().txBytes()).isZero();
		assertThat(this.simulator.totalTraffic("sub00001").txBytes()).as("the truth survives the reboot")
			.isEqualTo(80_000_000);
	}

	@Test
	void shouldAcceptAtOnceWithoutABootDelay() {
		try (RouterUnderTest quick = RouterUnderTest
			.start(TestRouters.simulator(SimulatorVersion.V7_16).secrets(4).onlineShare(1))) {
			quick.client().ping();
			Duration before = quick.client().system().resource().uptime();
			quick.simulator().reboot();
			assertThat(quick.simulator().isUp()).isTrue();
			assertThat(quick.simulator().onlineSubscribers()).isEmpty();
			await().atMost(Duration.ofSeconds(10))
				.ignoreExceptions()
				.until(() -> quick.client().system().resource().uptime().compareTo(before) < 0);
		}
	}

	private void rawConnect() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.simulator.port())) {
			socket.getInputStream();
		}
	}

}
