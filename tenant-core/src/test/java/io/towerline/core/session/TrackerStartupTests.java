package io.towerline.core.session;

import java.time.Duration;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.mikrotik.simulator.SimulatorFleet;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet of routers taken by one replica at once: the trackers share a small budget of
 * transactions (pooled connections), so the rest of the pool stays free for queries while
 * every router's sessions are read in. Whether some other thread (a scheduled sweep)
 * waits for the pool meanwhile is the machine's load, not the trackers', and is not
 * asserted.
 */
@SpringBootTest
class TrackerStartupTests extends DatabaseTest {

	private static final int ROUTERS = 40;

	/** Trackers that may connect at once: all a storm of starts uses (ADR 0259). */
	private static final int CONNECTS = 2;

	/** Routine tracker transactions at once; none run in a storm of starts. */
	private static final int WRITES = 1;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	OnlineSessions online;

	@Test
	void shouldLeaveThePoolToQueriesWhileAFleetOfTrackersStartsAtOnce() throws Exception {
		TrackingFixture fixture = new TrackingFixture(this.context);
		try (SimulatorFleet fleet = SimulatorFleet.start(ROUTERS,
				(router) -> router.version(SimulatorVersion.V7_19)
					.user("api", "router-pass")
					.secrets(30)
					.onlineShare(0.5)
					.seed(3))) {
			TenantId tenant = fixture.tenant("storm");
			for (int i = 0; i < ROUTERS; i++) {
				fixture.router(tenant, fleet.get(i));
			}
			// every tracker starts at once, and each tracker transaction (a pooled
			// connection) is held open until the user's query has answered: the worst the
			// storm can do to the pool, whatever the machine's speed
			HeldTrackerTransactions held = fixture.heldTransactions();
			SessionTracking replica = fixture.replica("storm-a", WRITES, CONNECTS, 10_000, held);
			replica.start();
			try {
				await().atMost(Duration.ofSeconds(120)).until(() -> held.open() >= CONNECTS);
				// a user's query answers while the trackers hold all they may (trackers
				// that took more of the pool would leave it queued behind them, and it
				// would fail on the pool's connection timeout)
				assertThat(TenantContext.callAs(tenant, () -> this.online.count(OnlineSessionFilter.ALL))).isZero();
				assertThat(held.open()).isEqualTo(CONNECTS);
				held.release();
				await().atMost(Duration.ofSeconds(120))
					.until(() -> TenantContext.callAs(tenant, () -> this.online.count(OnlineSessionFilter.ALL)) == fleet
						.onlineSessions());
				assertThat(replica.trackedRouters()).hasSizeGreaterThanOrEqualTo(ROUTERS);
				// counted from outside the budgets: forty trackers never held more than
				// them
				assertThat(held.mostOpen()).isEqualTo(CONNECTS);
				assertThat(replica.transactionsHighWater()).isBetween(1, CONNECTS + WRITES);
				UUID any = TenantContext.callAs(tenant,
						() -> this.online.list(OnlineSessionFilter.ALL, OnlineSessionOrder.USERNAME, null, 1)
							.get(0)
							.routerId());
				assertThat(fixture.onlineNames(tenant, any)).isNotEmpty();
			}
			finally {
				held.release();
				replica.stop();
			}
		}
	}

}
