package io.towerline.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.core.event.TenantEvent;
import io.towerline.core.session.OnlineSessions;
import io.towerline.core.session.SessionTracking;
import io.towerline.core.session.TestSessionTrackers;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TenantRouterFixture;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SESSIONS_DROPPED rule against a simulated router whose sessions the platform
 * tracks: the tenant's default rule (more than 50 % below the peak of the last 5 minutes,
 * no hold before opening, 10 minutes before resolving). Sweeps run at instants of the
 * test's own; the online table follows the simulator through a real tracker.
 */
@SpringBootTest
@RecordApplicationEvents
class SessionsDroppedAlertTests extends DatabaseTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	AlertSweeper sweeper;

	@Autowired
	Alerts alerts;

	@Autowired
	OnlineSessions online;

	@Autowired
	ApplicationEvents events;

	final List<AutoCloseable> opened = new ArrayList<>();

	final Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(2));

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.opened.reversed()) {
			closeable.close();
		}
	}

	@Test
	void shouldOpenOneAlertWhenMostSessionsDropAndResolveWhenTheyAreBack() {
		TenantRouterFixture fixture = router("drop", 40);
		track();
		awaitOnline(fixture, 40);
		for (int minute = 0; minute < 3; minute++) {
			sweepAt(fixture, minute);
		}
		assertThat(unresolved(fixture)).isEmpty();

		List<String> gone = disconnect(fixture, 30);
		awaitOnline(fixture, 10);
		sweepAt(fixture, 3);
		assertThat(unresolved(fixture)).singleElement().satisfies((alert) -> {
			assertThat(alert.state()).isEqualTo(AlertState.OPEN);
			assertThat(alert.routerId()).isEqualTo(fixture.routerId());
			assertThat(alert.summary()).contains("from 40 to 10");
		});
		// the outage outlasts the 5 minute window: the low count does not become the
		// new peak, the alert stays (one, notified once)
		for (int minute = 4; minute <= 12; minute++) {
			sweepAt(fixture, minute);
		}
		assertThat(unresolved(fixture)).hasSize(1);
		assertThat(events(fixture, AlertEvents.OPENED)).hasSize(1);

		gone.forEach(fixture.simulator()::connectSubscriber);
		awaitOnline(fixture, 40);
		sweepAt(fixture, 13);
		assertThat(unresolved(fixture)).as("held for the clear duration").hasSize(1);
		sweepAt(fixture, 23);
		assertThat(unresolved(fixture)).isEmpty();
		assertThat(events(fixture, AlertEvents.OPENED)).hasSize(1);
		assertThat(events(fixture, AlertEvents.RESOLVED)).hasSize(1);
	}

	@Test
	void shouldNotAlertOnASlowDeclineOrOnARouterWithFewSessions() {
		TenantRouterFixture declining = router("decline", 40);
		TenantRouterFixture small = router("small", 8);
		track();
		awaitOnline(declining, 40);
		awaitOnline(small, 8);
		sweepAt(declining, 0);
		sweepAt(small, 0);
		// a fifth fewer every 5 minutes: 40 → 8 in 35 minutes, never half in one window
		int minute = 0;
		for (int left : new int[] { 32, 26, 21, 17, 14, 11, 9 }) {
			disconnect(declining, (int) count(declining) - left);
			awaitOnline(declining, left);
			minute += 5;
			sweepAt(declining, minute);
			assertThat(unresolved(declining)).as("%d left at minute %d", left, minute).isEmpty();
		}
		// all of a small router's sessions: below the minimum the rule judges
		disconnect(small, 8);
		awaitOnline(small, 0);
		sweepAt(small, 1);
		sweepAt(small, 2);
		assertThat(unresolved(small)).isEmpty();
		assertThat(events(declining, AlertEvents.OPENED)).isEmpty();
		assertThat(events(small, AlertEvents.OPENED)).isEmpty();
	}

	private TenantRouterFixture router(String tenant, int sessions) {
		TenantRouterFixture fixture = TenantRouterFixture.start(this.context, tenant, "edge-" + tenant,
				(port) -> RouterOsSimulator.builder()
					.version(SimulatorVersion.V7_19)
					.user(TenantRouterFixture.USER, TenantRouterFixture.PASSWORD)
					.secrets(sessions)
					.onlineShare(1.0)
					.port(port)
					.start());
		this.opened.add(fixture);
		assertThat(fixture.simulator().onlineCount()).isEqualTo(sessions);
		return fixture;
	}

	private void track() {
		SessionTracking replica = TestSessionTrackers.replica(this.context, "drop-" + UUID.randomUUID());
		replica.start();
		this.opened.add(replica::stop);
	}

	private void awaitOnline(TenantRouterFixture fixture, long sessions) {
		await().atMost(Duration.ofSeconds(30)).until(() -> count(fixture) == sessions);
	}

	private long count(TenantRouterFixture fixture) {
		return fixture.inTenant(() -> this.online.countByRouter(List.of(fixture.routerId()))).get(fixture.routerId());
	}

	private static List<String> disconnect(TenantRouterFixture fixture, int sessions) {
		List<String> gone = fixture.simulator().onlineSubscribers().subList(0, sessions);
		List<String> names = List.copyOf(gone);
		names.forEach(fixture.simulator()::disconnectSubscriber);
		return names;
	}

	private void sweepAt(TenantRouterFixture fixture, int minute) {
		this.sweeper.sweep(fixture.tenant(), this.start.plus(Duration.ofMinutes(minute)));
	}

	private List<Alert> unresolved(TenantRouterFixture fixture) {
		return fixture
			.inTenant(() -> this.alerts.list(
					new AlertFilter(List.of(AlertState.OPEN, AlertState.ACKNOWLEDGED), null, null, null),
					ScrollPosition.keyset(), 100))
			.getContent()
			.stream()
			.filter((alert) -> alert.ruleType() == AlertRuleType.SESSIONS_DROPPED)
			.toList();
	}

	private List<TenantEvent> events(TenantRouterFixture fixture, String type) {
		return this.events.stream(TenantEvent.class)
			.filter((event) -> event.tenant().equals(fixture.tenant()) && event.type().equals(type)
					&& "SESSIONS_DROPPED".equals(event.data().get("ruleType")))
			.toList();
	}

}
