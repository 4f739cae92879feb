package io.towerline.core.traffic;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.mikrotik.interfaces.RouterInterface;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rates from counter movement: exact over the window, never from a reset counter. */
class CounterReadingTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void shouldTurnCounterMovementIntoRatesOverTheWindow() {
		CounterReading before = reading(0, pppoe("*1", "alice", 1_000, 5_000, 10, 20));
		CounterReading after = reading(2 * SECOND, pppoe("*1", "alice", 3_000, 25_000, 30, 60));
		InterfaceRates rates = after.ratesSince(before);
		assertThat(rates.windowSeconds()).isEqualTo(2.0);
		assertThat(rates.rates()).singleElement().satisfies((rate) -> {
			assertThat(rate.username()).isEqualTo("alice");
			assertThat(rate.rxBitsPerSecond()).isEqualTo(8_000);
			assertThat(rate.txBitsPerSecond()).isEqualTo(80_000);
			assertThat(rate.rxPacketsPerSecond()).isEqualTo(10);
			assertThat(rate.txPacketsPerSecond()).isEqualTo(20);
		});
	}

	@Test
	void shouldGiveNoRateForASessionThatReconnectedOrWhoseCountersWentBack() {
		CounterReading before = reading(0, pppoe("*1", "alice", 9_000, 9_000, 9, 9),
				pppoe("*2", "bob", 9_000, 9_000, 9, 9), pppoe("*3", "carol", 100, 100, 1, 1));
		// alice reconnected (new interface, counters from zero), bob's counter wrapped,
		// carol moved normally, dave is new
		CounterReading after = reading(SECOND, pppoe("*4", "alice", 10, 10, 1, 1),
				pppoe("*2", "bob", 10, 20_000, 1, 20), pppoe("*3", "carol", 200, 300, 2, 3),
				pppoe("*5", "dave", 1, 1, 1, 1));
		InterfaceRates rates = after.ratesSince(before);
		assertThat(rates.sessions()).isEqualTo(4);
		assertThat(rates.rates()).singleElement().satisfies((rate) -> {
			assertThat(rate.username()).isEqualTo("carol");
			assertThat(rate.txBitsPerSecond()).isEqualTo(1_600);
		});
	}

	@Test
	void shouldSumSessionsIntoTheRoutersThroughput() {
		CounterReading before = reading(0, pppoe("*1", "a", 0, 0, 0, 0), pppoe("*2", "b", 0, 0, 0, 0));
		CounterReading after = reading(SECOND, pppoe("*1", "a", 100, 1_000, 1, 10), pppoe("*2", "b", 50, 500, 2, 5));
		RouterThroughput throughput = RouterThroughput.of(UUID.randomUUID(), after.ratesSince(before));
		assertThat(throughput.sessions()).isEqualTo(2);
		assertThat(throughput.rxBitsPerSecond()).isEqualTo(1_200);
		assertThat(throughput.txBitsPerSecond()).isEqualTo(12_000);
		assertThat(throughput.rxPacketsPerSecond()).isEqualTo(3);
		assertThat(throughput.txPacketsPerSecond()).isEqualTo(15);
	}

	private static CounterReading reading(long nanos, RouterInterface... interfaces) {
		return CounterReading.of(nanos, Instant.EPOCH.plusNanos(nanos), List.of(interfaces));
	}

	private static RouterInterface pppoe(String id, String user, long rxBytes, long txBytes, long rxPackets,
			long txPackets) {
		return new RouterInterface(id, "<pppoe-" + user + ">", "pppoe-in", true, false, true, rxBytes, txBytes,
				rxPackets, txPackets, null);
	}

}
