package io.towerline.core.session;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
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
 * transactions, so the connection pool never has a waiter and queries keep answering
 * while every router's sessions are read in.
 */
@SpringBootTest
class TrackerStartupTests extends DatabaseTest {

	private static final int ROUTERS = 40;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	OnlineSessions online;

	@Test
	void shouldLeaveThePoolToQueriesWhileAFleetOfTrackersStartsAtOnce() throws Exception {
		TrackingFixture fixture = new TrackingFixture(this.context);
		HikariPoolMXBean pool = this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
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
			AtomicBoolean starting = new AtomicBoolean(true);
			AtomicInteger mostWaiting = new AtomicInteger();
			AtomicInteger queries = new AtomicInteger();
			// a user's query, over and over while the trackers start: it must never wait
			// in the pool's queue behind them
			Thread user = Thread.ofPlatform().start(() -> {
				while (starting.get()) {
					mostWaiting.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
					TenantContext.runAs(tenant, () -> this.online.count(OnlineSessionFilter.ALL));
					queries.incrementAndGet();
				}
			});
			// every tracker starts at once: the budget alone keeps the pool free
			SessionTracking replica = fixture.replica("storm-a", 2, 10_000);
			replica.start();
			try {
				await().atMost(Duration.ofSeconds(120))
					.until(() -> TenantContext.callAs(tenant, () -> this.online.count(OnlineSessionFilter.ALL)) == fleet
						.onlineSessions());
				starting.set(false);
				user.join();
				assertThat(replica.trackedRouters()).hasSizeGreaterThanOrEqualTo(ROUTERS);
				assertThat(replica.transactionsHighWater()).isBetween(1, 2);
				assertThat(mostWaiting.get()).isZero();
				assertThat(queries.get()).isPositive();
				UUID any = TenantContext.callAs(tenant,
						() -> this.online.list(OnlineSessionFilter.ALL, OnlineSessionOrder.USERNAME, null, 1)
							.get(0)
							.routerId());
				assertThat(fixture.onlineNames(tenant, any)).isNotEmpty();
			}
			finally {
				starting.set(false);
				replica.stop();
			}
		}
	}

}
