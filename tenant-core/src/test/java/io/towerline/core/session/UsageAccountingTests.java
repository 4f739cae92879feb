package io.towerline.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.usage.Counters;
import io.towerline.core.usage.UsageScope;
import io.towerline.core.usage.UsageTotals;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import io.towerline.mikrotik.simulator.TrafficCounters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Usage from a tracked router equals what the simulator's interfaces counted, exactly,
 * across a reconnect, a router reboot and 32-bit counter wraps.
 */
@SpringBootTest
class UsageAccountingTests extends DatabaseTest {

	private static final String NAME = "sub00001";

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	UsageTotals totals;

	@Autowired
	SessionHistory history;

	@Autowired
	SessionDisconnect disconnect;

	@Test
	void shouldCountExactlyWhatTheRouterCountedAcrossAReconnectARebootAndWraps() {
		TrackingFixture fixture = new TrackingFixture(this.context);
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.secrets(3)
			.counterBits(32)
			.start()) {
			TenantId tenant = fixture.tenant("usage");
			UUID router = fixture.router(tenant, simulator);
			SessionTracking replica = fixture.replica("usage-a");
			replica.start();
			try {
				assertThat(simulator.connectSubscriber(NAME)).isTrue();
				awaitOnline(fixture, tenant, router, 1);
				simulator.addTraffic(NAME, 1_000, 50_000, 10, 40);
				sampleAndCompare(replica, tenant, router, simulator);

				// up to just under 2^32, then past it: every counter wraps once
				simulator.addTraffic(NAME, 4_000_000_000L, 4_200_000_000L, 3_000_000_000L, 100);
				sampleAndCompare(replica, tenant, router, simulator);
				simulator.addTraffic(NAME, 500_000_000L, 300_000_000L, 2_000_000_000L, 5);
				assertThat(simulator.interfaceCounters(NAME).orElseThrow().rxBytes()).isLessThan(1_000_000_000L);
				sampleAndCompare(replica, tenant, router, simulator);

				// a reconnect: a new session whose counters start again (smaller than
				// before)
				simulator.disconnectSubscriber(NAME);
				simulator.connectSubscriber(NAME);
				await().atMost(Duration.ofSeconds(20)).until(() -> ended(tenant, router).size() == 1);
				awaitOnline(fixture, tenant, router, 1);
				simulator.addTraffic(NAME, 10, 20, 1, 2);
				sampleAndCompare(replica, tenant, router, simulator);

				// a reboot: every session drops, counters and uptime restart
				simulator.addTraffic(NAME, 3_000, 4_000, 3, 4);
				sampleAndCompare(replica, tenant, router, simulator);
				simulator.reboot();
				await().atMost(Duration.ofSeconds(20)).until(() -> ended(tenant, router).size() == 2);
				assertThat(simulator.connectSubscriber(NAME)).isTrue();
				awaitOnline(fixture, tenant, router, 1);
				simulator.addTraffic(NAME, 7, 8, 1, 1);
				sampleAndCompare(replica, tenant, router, simulator);

				assertThat(ended(tenant, router)).extracting(EndedSession::reason)
					.containsExactly(SessionEndReason.ROUTER_REBOOTED, SessionEndReason.UNKNOWN);
			}
			finally {
				replica.stop();
			}
		}
	}

	@Test
	void shouldCountTheTrafficAfterTheLastSampleOfAKickedSession() {
		TrackingFixture fixture = new TrackingFixture(this.context);
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.secrets(3)
			.start()) {
			TenantId tenant = fixture.tenant("tail");
			UUID router = fixture.router(tenant, simulator);
			SessionTracking replica = fixture.replica("tail-a");
			replica.start();
			try {
				assertThat(simulator.connectSubscriber(NAME)).isTrue();
				awaitOnline(fixture, tenant, router, 1);
				simulator.addTraffic(NAME, 1_000, 50_000, 10, 40);
				sampleAndCompare(replica, tenant, router, simulator);
				// moved after the last sample, then kicked: no sample will ever see it
				simulator.addTraffic(NAME, 7_000, 90_000, 70, 90);
				assertThat(TenantContext.callAs(tenant, () -> this.disconnect.kick(router, NAME))).isTrue();
				await().atMost(Duration.ofSeconds(20)).until(() -> ended(tenant, router).size() == 1);
				TrafficCounters truth = simulator.totalTraffic(NAME);
				Counters expected = new Counters(truth.rxBytes(), truth.txBytes(), truth.rxPackets(),
						truth.txPackets());
				assertThat(usage(tenant, router)).isEqualTo(expected);
				assertThat(ended(tenant, router).get(0).counters()).isEqualTo(expected);

				// a session never sampled at all: its whole traffic counts at the kick
				assertThat(simulator.connectSubscriber("sub00002")).isTrue();
				await().atMost(Duration.ofSeconds(20))
					.until(() -> fixture.onlineNames(tenant, router).contains("sub00002"));
				simulator.addTraffic("sub00002", 300, 400, 3, 4);
				assertThat(TenantContext.callAs(tenant, () -> this.disconnect.kick(router, "sub00002"))).isTrue();
				await().atMost(Duration.ofSeconds(20)).until(() -> ended(tenant, router).size() == 2);
				assertThat(usage(tenant, router)).isEqualTo(expected.plus(new Counters(300, 400, 3, 4)));
			}
			finally {
				replica.stop();
			}
		}
	}

	private List<EndedSession> ended(TenantId tenant, UUID router) {
		return TenantContext.callAs(tenant,
				() -> this.history.list(new SessionHistoryFilter(null, router, null, null, null, null), null, 10));
	}

	private void awaitOnline(TrackingFixture fixture, TenantId tenant, UUID router, int sessions) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> fixture.onlineNames(tenant, router).size() == sessions
					&& fixture.onlineNames(tenant, router).contains(NAME));
	}

	/**
	 * Samples now and waits until the router's usage equals everything the simulator
	 * counted.
	 */
	private void sampleAndCompare(SessionTracking replica, TenantId tenant, UUID router, RouterOsSimulator simulator) {
		TrafficCounters truth = simulator.totalTraffic(NAME);
		Counters expected = new Counters(truth.rxBytes(), truth.txBytes(), truth.rxPackets(), truth.txPackets());
		assertThat(replica.sampleNow(tenant, router)).isTrue();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(usage(tenant, router)).isEqualTo(expected));
	}

	private Counters usage(TenantId tenant, UUID router) {
		Instant now = Instant.now();
		return TenantContext.callAs(tenant, () -> this.totals.total(UsageScope.router(router),
				now.minus(Duration.ofDays(1)), now.plusSeconds(3600)));
	}

}
