package io.towerline.mikrotik.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.interfaces.Interfaces;
import io.towerline.mikrotik.interfaces.RouterInterface;
import io.towerline.mikrotik.interfaces.TrafficSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Counters of the {@code <pppoe-NAME>} interfaces move exactly as traffic is added, read
 * through the adapter's interface stats; {@code monitor-traffic} rates are that movement
 * per second; 32-bit counters wrap exactly at 2^32.
 */
class TrafficCountersTests {

	private static final long TWO_TO_32 = 1L << 32;

	/** Monitor interval 50 ms: a sample's rates are its movement times 20. */
	private static final int SAMPLES_PER_SECOND = 20;

	private RouterUnderTest under = RouterUnderTest
		.start(TestRouters.simulator(SimulatorVersion.V7_16).secrets(5).onlineShare(0.6));

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldMoveCountersAsRouterOsCountsThemOnTheServerSide() {
		RouterClient router = this.under.client();
		RouterInterface uplinkBefore = router.interfaces().find("ether1").orElseThrow();
		assertThat(this.under.simulator().addTraffic("sub00001", 1_500, 90_000, 12, 70)).isTrue();
		assertThat(this.under.simulator().addTraffic("sub00002", 500, 10_000, 8, 30)).isTrue();
		assertThat(this.under.simulator().addTraffic("sub00001", 1, 2, 1, 1)).isTrue();
		RouterInterface first = router.interfaces().pppoeInterface("sub00001").orElseThrow();
		assertThat(first)
			.extracting(RouterInterface::rxBytes, RouterInterface::txBytes, RouterInterface::rxPackets,
					RouterInterface::txPackets)
			.containsExactly(1_501L, 90_002L, 13L, 71L);
		assertThat(router.interfaces().pppoeInterface("sub00003").orElseThrow().txBytes()).isZero();
		RouterInterface uplinkAfter = router.interfaces().find("ether1").orElseThrow();
		// the uplink receives what subscribers download (plus a trickle of its own)
		assertThat(uplinkAfter.rxBytes() - uplinkBefore.rxBytes()).isBetween(100_002L, 100_002L + 10_000);
		assertThat(uplinkAfter.txBytes() - uplinkBefore.txBytes()).isBetween(2_001L, 2_001L + 10_000);
		assertThat(this.under.simulator().interfaceCounters("sub00001"))
			.contains(new TrafficCounters(1_501, 90_002, 13, 71));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.under.simulator().addTraffic("sub00001", -1, 0, 0, 0));
	}

	@Test
	void shouldReportMonitorTrafficRatesEqualToTheCounterMovement() {
		List<TrafficSample> samples = new CopyOnWriteArrayList<>();
		String pppoe = Interfaces.pppoeName("sub00002");
		Random random = new Random(42);
		long rxBytes = 0;
		long txBytes = 0;
		long rxPackets = 0;
		long txPackets = 0;
		try (RouterStream stream = this.under.client().interfaces().monitor(List.of(pppoe), samples::add, (error) -> {
		})) {
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.under.simulator().liveStreams("/interface/monitor-traffic") == 1);
			int before = samples.size();
			for (int i = 0; i < 20; i++) {
				long rx = random.nextInt(5_000);
				long tx = random.nextInt(500_000);
				long rxp = random.nextInt(50);
				long txp = random.nextInt(500);
				this.under.simulator().addTraffic("sub00002", rx, tx, rxp, txp);
				rxBytes += rx;
				txBytes += tx;
				rxPackets += rxp;
				txPackets += txp;
				if (i % 5 == 0) {
					int seen = samples.size();
					await().atMost(Duration.ofSeconds(5)).until(() -> samples.size() > seen);
				}
			}
			// one more sample after the last movement: everything has been reported
			int seen = samples.size();
			await().atMost(Duration.ofSeconds(5)).until(() -> samples.size() > seen + 1);
			// a snapshot: the stream goes on adding samples (all quiet now) while we sum
			List<TrafficSample> snapshot = List.copyOf(samples);
			List<TrafficSample> during = snapshot.subList(before, snapshot.size());
			assertThat(during.stream().mapToLong(TrafficSample::rxBitsPerSecond).sum())
				.isEqualTo(rxBytes * 8 * SAMPLES_PER_SECOND);
			assertThat(during.stream().mapToLong(TrafficSample::txBitsPerSecond).sum())
				.isEqualTo(txBytes * 8 * SAMPLES_PER_SECOND);
			assertThat(during.stream().mapToLong(TrafficSample::rxPacketsPerSecond).sum())
				.isEqualTo(rxPackets * SAMPLES_PER_SECOND);
			assertThat(during.stream().mapToLong(TrafficSample::txPacketsPerSecond).sum())
				.isEqualTo(txPackets * SAMPLES_PER_SECOND);
			assertThat(during.get(during.size() - 1).txBitsPerSecond()).as("quiet again").isZero();
		}
	}

	@Test
	void shouldWrapThirtyTwoBitCountersExactlyAtTwoToThe32() {
		this.under.close();
		this.under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V6_49).secrets(2).onlineShare(1));
		RouterOsSimulator simulator = this.under.simulator();
		RouterClient router = this.under.client();
		assertThat(simulator.counterBits()).as("RouterOS 6 default").isEqualTo(32);
		simulator.addTraffic("sub00001", TWO_TO_32 - 2, TWO_TO_32 - 1, TWO_TO_32 - 1, 7);
		assertThat(pppoe(router, "sub00001")).containsExactly(TWO_TO_32 - 2, TWO_TO_32 - 1, TWO_TO_32 - 1, 7L);
		simulator.addTraffic("sub00001", 1, 1, 1, 0);
		assertThat(pppoe(router, "sub00001")).containsExactly(TWO_TO_32 - 1, 0L, 0L, 7L);
		simulator.addTraffic("sub00001", 1, 5, 3, 0);
		assertThat(pppoe(router, "sub00001")).containsExactly(0L, 5L, 3L, 7L);
		simulator.addTraffic("sub00001", TWO_TO_32 * 3, 0, 0, 0);
		assertThat(pppoe(router, "sub00001").get(0)).as("whole turns leave the counter where it was").isZero();
		assertThat(simulator.totalTraffic("sub00001"))
			.isEqualTo(new TrafficCounters(TWO_TO_32 * 4, TWO_TO_32 + 5, TWO_TO_32 + 3, 7));
		simulator.counterBits(64);
		assertThat(pppoe(router, "sub00001")).containsExactly(TWO_TO_32 * 4, TWO_TO_32 + 5, TWO_TO_32 + 3, 7L);
	}

	@Test
	void shouldKeepSixtyFourBitCountersOnRouterOs7() {
		RouterOsSimulator simulator = this.under.simulator();
		assertThat(simulator.counterBits()).isEqualTo(64);
		simulator.addTraffic("sub00003", TWO_TO_32, TWO_TO_32 + 10, 0, 0);
		assertThat(pppoe(this.under.client(), "sub00003")).containsExactly(TWO_TO_32, TWO_TO_32 + 10, 0L, 0L);
		simulator.counterBits(32);
		assertThat(pppoe(this.under.client(), "sub00003")).containsExactly(0L, 10L, 0L, 0L);
		assertThatIllegalArgumentException().isThrownBy(() -> simulator.counterBits(16));
	}

	@Test
	void shouldKeepTotalsAcrossSessions() {
		RouterOsSimulator simulator = this.under.simulator();
		simulator.addTraffic("sub00001", 10, 100, 1, 2);
		simulator.disconnectSubscriber("sub00001");
		simulator.connectSubscriber("sub00001");
		simulator.addTraffic("sub00001", 5, 50, 1, 1);
		assertThat(simulator.interfaceCounters("sub00001")).contains(new TrafficCounters(5, 50, 1, 1));
		assertThat(simulator.totalTraffic("sub00001")).isEqualTo(new TrafficCounters(15, 150, 2, 3));
		assertThat(simulator.totalTraffic("sub00004")).isEqualTo(TrafficCounters.ZERO);
	}

	private static List<Long> pppoe(RouterClient router, String name) {
		RouterInterface pppoe = router.interfaces().pppoeInterface(name).orElseThrow();
		return List.of(pppoe.rxBytes(), pppoe.txBytes(), pppoe.rxPackets(), pppoe.txPackets());
	}

}
