package io.towerline.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.audit.CommandLogEntry;
import io.towerline.core.audit.CommandLogFilter;
import io.towerline.core.audit.RouterCommandLog;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.LogLines;
import io.towerline.core.testsupport.SessionSearchKeys;
import ch.qos.logback.classic.Level;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Session trackers against the simulator: the online table follows a churning router,
 * announces only transitions it saw, and a dead replica's routers are taken over.
 */
@SpringBootTest
class SessionTrackingTests extends DatabaseTest {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	SessionHistory history;

	@Autowired
	OnlineSessions online;

	@Autowired
	RouterCommandLog commandLog;

	@Autowired
	RouterAccess access;

	@Autowired
	Routers routers;

	@Autowired
	JdbcClient jdbc;

	TrackingFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new TrackingFixture(this.context);
	}

	@Test
	void shouldKeepTheOnlineTableEqualToTheRoutersWhileSubscribersComeAndGo() {
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.secrets(80)
			.onlineShare(0.5)
			.churn(90)
			.tick(Duration.ofMillis(100))
			.seed(7)
			.start()) {
			TenantId tenant = this.fixture.tenant("churn");
			UUID router = this.fixture.router(tenant, simulator);
			SessionTracking replica = this.fixture.replica("churn-a");
			replica.start();
			try {
				Set<Set<String>> matchedStates = new HashSet<>();
				await().atMost(Duration.ofSeconds(60)).until(() -> {
					Set<String> before = Set.copyOf(simulator.onlineSubscribers());
					Set<String> platform = this.fixture.onlineNames(tenant, router);
					Set<String> after = Set.copyOf(simulator.onlineSubscribers());
					// compared only while the router stood still around the platform's
					// read
					if (before.equals(after) && platform.equals(after)) {
						matchedStates.add(after);
					}
					return matchedStates.size() >= 5 && this.fixture.events(tenant, SessionEvents.ENDED).size() >= 10;
				});
				// the search keys follow in the tracker's own transactions (ADR 0217)
				assertThat(SessionSearchKeys.outOfStep(this.jdbc, tenant.schemaName())).isZero();
				assertThat(this.fixture.events(tenant, SessionEvents.STARTED)).isNotEmpty();
				List<EndedSession> ended = TenantContext.callAs(tenant, () -> this.history
					.list(new SessionHistoryFilter(null, router, null, null, null, null), null, 100));
				assertThat(ended).isNotEmpty()
					.allSatisfy((session) -> assertThat(session.reason()).isEqualTo(SessionEndReason.UNKNOWN));
			}
			finally {
				replica.stop();
			}
		}
	}

	@Test
	void shouldAuditTheStreamAndEveryWriteButNotTheTrackersPeriodicReads() {
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.secrets(5)
			.start()) {
			assertThat(simulator.connectSubscriber("sub00001")).isTrue();
			TenantId tenant = this.fixture.tenant("audit");
			UUID router = this.fixture.router(tenant, simulator);
			SessionTracking replica = this.fixture.replica("audit-a");
			replica.start();
			try {
				await().atMost(Duration.ofSeconds(20))
					.until(() -> this.fixture.onlineNames(tenant, router).equals(Set.of("sub00001")));
				for (int i = 0; i < 3; i++) {
					assertThat(replica.sampleNow(tenant, router)).isTrue();
					assertThat(replica.rereadNow(tenant, router)).isTrue();
				}
				// a sample stamps the counters: once it shows, the samples and re-reads
				// ran
				await().atMost(Duration.ofSeconds(20))
					.until(() -> TenantContext.callAs(tenant, () -> this.online.ofRouter(router))
						.stream()
						.allMatch((session) -> session.countersAt() != null));
				// a write in the same kind of context is still on record
				TenantContext.runAs(tenant, () -> new CommandContext(router, Actor.system("test"), null, "sub00001")
					.callRoutineReads(() -> this.access.client(this.routers.get(router)).pppActive().kick("sub00001")));

				List<CommandLogEntry> log = TenantContext.callAs(tenant, () -> this.commandLog
					.list(new CommandLogFilter(router, null, null, null, null, null), null, 100));
				assertThat(log).extracting(CommandLogEntry::action)
					.contains("/ppp/active/listen", "/ppp/active/remove")
					.noneMatch((action) -> action.endsWith("/print"));
				assertThat(log).filteredOn((entry) -> entry.action().equals("/ppp/active/listen"))
					.extracting(CommandLogEntry::actor)
					.containsOnly(SessionTracker.ACTOR.value());
			}
			finally {
				replica.stop();
			}
		}
	}

	@Test
	void shouldAnnounceOnlyTransitionsSeenAfterTheFirstRead() {
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.secrets(5)
			.start()) {
			assertThat(simulator.connectSubscriber("sub00001")).isTrue();
			assertThat(simulator.connectSubscriber("sub00002")).isTrue();
			assertThat(simulator.onlineSubscribers()).containsExactlyInAnyOrder("sub00001", "sub00002");
			TenantId tenant = this.fixture.tenant("announce");
			UUID router = this.fixture.router(tenant, simulator);
			SessionTracking replica = this.fixture.replica("announce-a");
			replica.start();
			try {
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(this.fixture.onlineNames(tenant, router))
						.containsExactlyInAnyOrder("sub00001", "sub00002"));
				simulator.connectSubscriber("sub00003");
				simulator.disconnectSubscriber("sub00001");
				await().atMost(Duration.ofSeconds(20))
					.until(() -> this.fixture.onlineNames(tenant, router).equals(Set.of("sub00002", "sub00003")));
				await().atMost(Duration.ofSeconds(5))
					.until(() -> this.fixture.events(tenant, SessionEvents.ENDED).size() == 1);
				assertThat(this.fixture.events(tenant, SessionEvents.STARTED))
					.extracting((event) -> event.data().get("username"))
					.containsExactly("sub00003");
				assertThat(this.fixture.events(tenant, SessionEvents.ENDED))
					.extracting((event) -> event.data().get("username"))
					.containsExactly("sub00001");
			}
			finally {
				replica.stop();
			}
		}
	}

	@Test
	void shouldHandARoutersStreamToAnotherReplicaWithinTheLeaseTimeWhenItsOwnerDies() {
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.secrets(5)
			.start()) {
			TenantId tenant = this.fixture.tenant("lease");
			UUID router = this.fixture.router(tenant, simulator);
			String key = SessionTracking.key(tenant, router);
			SessionTracking first = this.fixture.replica("lease-a");
			SessionTracking second = this.fixture.replica("lease-b");
			first.start();
			second.start();
			try {
				await().atMost(Duration.ofSeconds(10))
					.until(() -> first.trackedRouters().contains(key) || second.trackedRouters().contains(key));
				int firstRounds = first.rounds();
				int secondRounds = second.rounds();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> first.rounds() >= firstRounds + 3 && second.rounds() >= secondRounds + 3);
				SessionTracking holder = first.trackedRouters().contains(key) ? first : second;
				SessionTracking other = (holder == first) ? second : first;
				assertThat(other.trackedRouters()).as("tracked by one replica only").doesNotContain(key);
				simulator.connectSubscriber("sub00001");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> this.fixture.onlineNames(tenant, router).equals(Set.of("sub00001")));

				long takeovers = other.leaseTakeovers();
				holder.halt();
				Instant died = Instant.now();
				await().atMost(Duration.ofSeconds(10)).until(() -> other.trackedRouters().contains(key));
				Duration takeover = Duration.between(died, Instant.now());
				// lease 2 s + one renew round of 300 ms, with room for a busy machine
				assertThat(takeover).isLessThan(Duration.ofMillis(2000 + 300 + 1500));
				assertThat(other.leaseTakeovers()).as("counted as a takeover").isGreaterThan(takeovers);
				simulator.connectSubscriber("sub00002");
				simulator.disconnectSubscriber("sub00001");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> this.fixture.onlineNames(tenant, router).equals(Set.of("sub00002")));
			}
			finally {
				first.stop();
				second.stop();
			}
		}
	}

	/**
	 * Three replicas share the routers about equally, never track one router twice, and
	 * the survivors share a killed replica's routers between them.
	 */
	@Test
	void shouldSpreadStreamsOverTheReplicasAndShareADeadReplicasStreams() {
		List<RouterOsSimulator> simulators = new ArrayList<>();
		List<SessionTracking> replicas = new ArrayList<>();
		try {
			TenantId tenant = this.fixture.tenant("spread");
			Set<String> keys = new HashSet<>();
			for (int i = 0; i < 6; i++) {
				RouterOsSimulator simulator = RouterOsSimulator.builder()
					.version(SimulatorVersion.V7_16)
					.user("api", "router-pass")
					.secrets(2)
					.start();
				simulators.add(simulator);
				keys.add(SessionTracking.key(tenant, this.fixture.router(tenant, simulator)));
			}
			for (String id : List.of("spread-a", "spread-b", "spread-c")) {
				SessionTracking replica = this.fixture.replica(id + "-" + UUID.randomUUID());
				replicas.add(replica);
				replica.start();
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> balanced(replicas, keys));

			SessionTracking killed = replicas.stream()
				.filter((replica) -> replica.trackedRouters().stream().anyMatch(keys::contains))
				.findFirst()
				.orElseThrow();
			long killedHeld = killed.trackedRouters().stream().filter(keys::contains).count();
			replicas.remove(killed);
			long takeoversBefore = replicas.stream().mapToLong(SessionTracking::leaseTakeovers).sum();
			killed.halt();
			await().atMost(Duration.ofSeconds(30)).until(() -> balanced(replicas, keys));
			assertThat(replicas.stream().mapToLong(SessionTracking::leaseTakeovers).sum() - takeoversBefore)
				.as("the killed replica's routers were taken over")
				.isGreaterThanOrEqualTo(killedHeld);
			assertThat(replicas.stream().mapToLong(SessionTracking::leaseLosses).sum()).as("no live replica lost one")
				.isZero();
		}
		finally {
			replicas.forEach(SessionTracking::stop);
			simulators.forEach(RouterOsSimulator::close);
		}
	}

	/**
	 * A tenant whose routers cannot be listed (here its router table is out of reach)
	 * keeps its trackers, other tenants' rounds go on, and its failure is logged once per
	 * streak rather than every round.
	 */
	@Test
	void shouldKeepOneTenantsListingFailureToThatTenant() {
		try (RouterOsSimulator first = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.secrets(2)
			.start();
				RouterOsSimulator second = RouterOsSimulator.builder()
					.version(SimulatorVersion.V7_16)
					.user("api", "router-pass")
					.secrets(2)
					.start();
				LogLines logged = LogLines.of(SessionTracking.class)) {
			TenantId failing = this.fixture.tenant("failing");
			TenantId healthy = this.fixture.tenant("healthy");
			String failingKey = SessionTracking.key(failing, this.fixture.router(failing, first));
			SessionTracking replica = this.fixture.replica("failing-" + UUID.randomUUID());
			replica.start();
			try {
				await().atMost(Duration.ofSeconds(20)).until(() -> replica.trackedRouters().contains(failingKey));
				hideRouters(failing, true);
				await().atMost(Duration.ofSeconds(20)).until(() -> replica.failingTenants().contains(failing));
				String healthyKey = SessionTracking.key(healthy, this.fixture.router(healthy, second));
				await().atMost(Duration.ofSeconds(20)).until(() -> replica.trackedRouters().contains(healthyKey));
				int rounds = replica.rounds();
				await().atMost(Duration.ofSeconds(20)).until(() -> replica.rounds() >= rounds + 3);
				assertThat(replica.trackedRouters()).as("the failing tenant's tracker keeps running")
					.contains(failingKey, healthyKey);
				assertThat(logged.at(Level.WARN, failing.slug())).as("logged once for the streak").hasSize(1);

				hideRouters(failing, false);
				await().atMost(Duration.ofSeconds(20)).until(() -> !replica.failingTenants().contains(failing));
				hideRouters(failing, true);
				await().atMost(Duration.ofSeconds(20)).until(() -> replica.failingTenants().contains(failing));
				assertThat(logged.at(Level.WARN, failing.slug())).as("a new streak is logged again").hasSize(2);
			}
			finally {
				replica.stop();
				hideRouters(failing, false);
			}
		}
	}

	private void hideRouters(TenantId tenant, boolean hidden) {
		String schema = tenant.schemaName();
		boolean isHidden = this.jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
			.param(schema + ".router_hidden")
			.query(Boolean.class)
			.single();
		if (hidden != isHidden) {
			this.jdbc
				.sql("ALTER TABLE " + schema
						+ (hidden ? ".router RENAME TO router_hidden" : ".router_hidden RENAME TO router"))
				.update();
		}
	}

	/**
	 * Every router of {@code keys} tracked by exactly one replica, and no replica above
	 * its fair share of all the routers tracked (other tests' routers included):
	 * ceil(routers / replicas). Loads within one of each other is not promised: ten
	 * routers over three replicas may be 4, 4 and 2.
	 */
	private static boolean balanced(List<SessionTracking> replicas, Set<String> keys) {
		List<Set<String>> tracked = replicas.stream().map(SessionTracking::trackedRouters).toList();
		for (String key : keys) {
			if (tracked.stream().filter((set) -> set.contains(key)).count() != 1) {
				return false;
			}
		}
		long routers = tracked.stream().flatMap(Set::stream).distinct().count();
		long share = (routers + replicas.size() - 1) / replicas.size();
		return tracked.stream().allMatch((set) -> set.size() <= share)
				&& tracked.stream().mapToInt(Set::size).sum() == routers;
	}

}
