package io.towerline.mikrotik.interfaces;

import java.time.Duration;
import java.util.List;

import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterCommandRejectedException.Rejection;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class InterfacesTests {

	private final RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19)
		.secrets(4)
		.onlineShare(0.5)
		// once reports the last complete window: long enough for a poll to catch it
		.monitorInterval(Duration.ofMillis(250)));

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldListPhysicalAndDynamicPppoeInterfaces() {
		List<RouterInterface> all = this.router.interfaces().list();
		assertThat(all).extracting(RouterInterface::name).contains("ether1", "<pppoe-sub00001>", "<pppoe-sub00002>");
		RouterInterface pppoe = this.router.interfaces().pppoeInterface("sub00001").orElseThrow();
		assertThat(pppoe.type()).isEqualTo("pppoe-in");
		assertThat(pppoe.dynamic()).isTrue();
		assertThat(pppoe.lastLinkUpTime()).isNotNull();
		assertThat(this.router.interfaces().pppoeInterface("sub00004")).isEmpty();
	}

	@Test
	void shouldSeeSessionCountersMoveWithTraffic() {
		RouterInterface before = this.router.interfaces().pppoeInterface("sub00002").orElseThrow();
		assertThat(this.under.simulator().addTraffic("sub00002", 300, 7_000, 3, 6)).isTrue();
		RouterInterface after = this.router.interfaces().pppoeInterface("sub00002").orElseThrow();
		assertThat(after.rxBytes() - before.rxBytes()).isEqualTo(300);
		assertThat(after.txBytes() - before.txBytes()).isEqualTo(7_000);
		assertThat(after.rxPackets() - before.rxPackets()).isEqualTo(3);
		assertThat(after.txPackets() - before.txPackets()).isEqualTo(6);
	}

	@Test
	void shouldSampleTrafficOnceAndRejectUnknownInterfaces() {
		this.under.simulator().addTraffic("sub00001", 1_000, 50_000, 10, 40);
		List<TrafficSample> samples = await().atMost(Duration.ofSeconds(5))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> this.router.interfaces().monitorOnce(List.of("ether1", Interfaces.pppoeName("sub00001"))),
					(read) -> read.get(1).txBitsPerSecond() > 0);
		assertThat(samples.get(1).txBitsPerSecond()).isEqualTo(50_000 * 8 * 4);
		assertThat(samples).extracting(TrafficSample::interfaceName).containsExactly("ether1", "<pppoe-sub00001>");
		assertThatExceptionOfType(RouterCommandRejectedException.class)
			.isThrownBy(() -> this.router.interfaces().monitorOnce(List.of("ether9")))
			.satisfies((ex) -> assertThat(ex.rejection()).isEqualTo(Rejection.INVALID_VALUE));
	}

}
