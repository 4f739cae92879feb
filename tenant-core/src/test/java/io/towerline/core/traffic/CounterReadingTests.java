package io.towerline.core.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.usage.Counters;
import io.towerline.mikrotik.interfaces.RouterInterface;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

	/**
	 * Rates are the movement inside the window since the previous read, not since the
	 * traffic: a read that follows a burst by more than the reuse period rates a window
	 * with no movement, 0 however busy the earlier window was (the router's counters are
	 * read live, so a router with traffic in that window shows it).
	 */
	@Test
	void shouldRateAReadThatFollowsABurstOverItsOwnQuietWindow() {
		CounterReading beforeBurst = reading(0, pppoe("*1", "a", 0, 0, 0, 0));
		CounterReading afterBurst = reading(SECOND / 2, pppoe("*1", "a", 1_000, 100_000, 10, 100));
		CounterReading quiet = reading(SECOND / 2 + CounterReading.MIN_WINDOW.toNanos(),
				pppoe("*1", "a", 1_000, 100_000, 10, 100));
		assertThat(afterBurst.ratesSince(beforeBurst).rates()).singleElement()
			.satisfies((rate) -> assertThat(rate.txBitsPerSecond()).isEqualTo(1_600_000));
		InterfaceRates rates = quiet.ratesSince(afterBurst);
		assertThat(rates.windowSeconds()).isEqualTo(0.2);
		assertThat(rates.rates()).singleElement().satisfies((rate) -> {
			assertThat(rate.txBitsPerSecond()).isZero();
			assertThat(rate.rxBitsPerSecond()).isZero();
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

	@Test
	void shouldRateEachSessionOverTheTimeSinceItsOwnStoredSample() {
		Instant now = Instant.EPOCH.plusSeconds(3_600);
		CounterReading reading = reading(3_600 * SECOND, pppoe("*1", "alice", 61_000, 1_000_000, 600, 6_000),
				pppoe("*2", "bob", 20_000, 20_000, 20, 20));
		// alice sampled by her tracker 60 s ago; bob never sampled: his counters were
		// zero at his login 10 s ago
		InterfaceRates rates = reading.ratesSince(
				Map.of("<pppoe-alice>", new CounterSample(new Counters(1_000, 400_000, 0, 0), now.minusSeconds(60)),
						"<pppoe-bob>", new CounterSample(Counters.ZERO, now.minusSeconds(10))));
		assertThat(rates.windowSeconds()).isEqualTo(60.0);
		assertThat(rates.rates())
			.extracting(InterfaceRate::username, InterfaceRate::rxBitsPerSecond, InterfaceRate::txBitsPerSecond,
					InterfaceRate::rxPacketsPerSecond, InterfaceRate::txPacketsPerSecond)
			.containsExactlyInAnyOrder(tuple("alice", 8_000L, 80_000L, 10L, 100L),
					tuple("bob", 16_000L, 16_000L, 2L, 2L));
	}

	@Test
	void shouldGiveNoRateAgainstAStoredSampleThatIsAheadTooRecentOrMissing() {
		Instant now = Instant.EPOCH.plusSeconds(3_600);
		CounterReading reading = reading(3_600 * SECOND, pppoe("*1", "alice", 10, 10, 1, 1),
				pppoe("*2", "bob", 5_000, 5_000, 5, 5), pppoe("*3", "carol", 5_000, 5_000, 5, 5));
		// alice's counters restarted after her sample (a reconnect); bob's sample is
		// under the shortest window; carol has none
		InterfaceRates rates = reading.ratesSince(
				Map.of("<pppoe-alice>", new CounterSample(new Counters(9_000, 9_000, 9, 9), now.minusSeconds(30)),
						"<pppoe-bob>", new CounterSample(new Counters(4_000, 4_000, 4, 4),
								now.minus(CounterReading.MIN_WINDOW).plusMillis(1))));
		assertThat(rates.rates()).isEmpty();
		assertThat(rates.sessions()).isEqualTo(3);
		assertThat(rates.windowSeconds()).isZero();
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
