package io.towerline.mikrotik.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.ppp.PppActiveSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Background behaviour: churn keeps the online share around its target while people come
 * and go, and background traffic follows the daily curve. Rates are scaled up (a tick of
 * 10 ms, churn in the thousands per hour) so that hours pass in a second.
 */
class ChurnTests {

	@Test
	void shouldKeepTheOnlineShareWithinBoundsWhileSubscribersComeAndGo() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_16)
			.secrets(200)
			.onlineShare(0.4)
			.churn(3_600)
			.tick(Duration.ofMillis(10))
			.seed(7))) {
			RouterOsSimulator simulator = under.simulator();
			Set<String> initially = Set.copyOf(simulator.onlineSubscribers());
			Set<String> seen = new HashSet<>(initially);
			long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			int samples = 0;
			while (System.nanoTime() < deadline || samples < 20) {
				List<String> online = under.client().pppActive().list().stream().map(PppActiveSession::name).toList();
				// 80 expected; binomial spread over 200 secrets is about 7
				assertThat(online.size()).isBetween(50, 110);
				assertThat(online).doesNotHaveDuplicates();
				seen.addAll(online);
				samples++;
			}
			assertThat(seen.size()).as("new subscribers dialled in").isGreaterThan(initially.size() + 20);
			Set<String> stillOnline = new HashSet<>(simulator.onlineSubscribers());
			stillOnline.retainAll(initially);
			assertThat(stillOnline.size()).as("earlier ones logged out").isLessThan(initially.size());
		}
	}

	@Test
	void shouldMoveCountersOnTheirOwnWithBackgroundTraffic() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19)
			.secrets(20)
			.onlineShare(0.5)
			.traffic(true)
			.tick(Duration.ofMillis(20))
			.seed(3))) {
			await().atMost(Duration.ofSeconds(5))
				.until(() -> under.client()
					.interfaces()
					.list()
					.stream()
					.filter((item) -> item.name().startsWith("<pppoe-"))
					.allMatch((item) -> item.txBytes() > 0 && item.rxBytes() > 0 && item.txPackets() > 0));
			assertThat(under.simulator().totalTraffic("sub00011")).as("offline subscribers move nothing")
				.isEqualTo(TrafficCounters.ZERO);
		}
	}

	@Test
	void shouldPeakInTheEveningAndDipAtNight() {
		double night = DailyTraffic.weight(at(4));
		double morning = DailyTraffic.weight(at(9));
		double evening = DailyTraffic.weight(at(21));
		assertThat(night).isLessThan(morning);
		assertThat(morning).isLessThan(evening);
		assertThat(evening).isEqualTo(1.0);
		for (int hour = 0; hour < 24; hour++) {
			assertThat(DailyTraffic.weight(at(hour))).isBetween(night, evening);
		}
	}

	private static Clock at(int hour) {
		return Clock.fixed(Instant.parse("2026-03-04T00:00:00Z").plus(Duration.ofHours(hour)), ZoneOffset.UTC);
	}

}
