package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.interfaces.RouterInterface;
import io.towerline.mikrotik.ppp.PppActiveSession;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.ppp.SessionEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscribers dialling in and out by hand, seen through the adapter's typed client: the
 * {@code /ppp/active} entry and the {@code <pppoe-NAME>} interface come and go together,
 * and {@code listen} pushes both the login and the logout.
 */
class LiveSessionsTests {

	private final RouterUnderTest under = RouterUnderTest
		.start(TestRouters.simulator(SimulatorVersion.V7_19).secrets(6).onlineShare(0));

	private final RouterOsSimulator simulator = this.under.simulator();

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldPushLoginsAndLogoutsToListen() {
		List<SessionEvent> events = new CopyOnWriteArrayList<>();
		try (RouterStream stream = this.router.pppActive().watch(events::add, (error) -> {
		})) {
			awaitListening();
			assertThat(this.simulator.connectSubscriber("sub00003")).isTrue();
			assertThat(this.simulator.connectSubscriber("sub00005")).isTrue();
			assertThat(this.simulator.disconnectSubscriber("sub00003")).isTrue();
			await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 3);
			assertThat(stream.isOpen()).isTrue();
		}
		PppActiveSession first = ((SessionEvent.Started) events.get(0)).session();
		PppActiveSession second = ((SessionEvent.Started) events.get(1)).session();
		assertThat(first.name()).isEqualTo("sub00003");
		assertThat(second.name()).isEqualTo("sub00005");
		assertThat(first.address()).isNotEqualTo(second.address());
		assertThat(first.sessionId()).isNotEqualTo(second.sessionId());
		assertThat(events.get(2)).isEqualTo(new SessionEvent.Ended(first.id()));
		assertThat(this.router.pppActive().list()).extracting(PppActiveSession::name).containsExactly("sub00005");
		assertThat(this.simulator.onlineSubscribers()).containsExactly("sub00005");
	}

	@Test
	void shouldBringTheDynamicInterfaceWithTheSessionWithCountersAtZero() {
		assertThat(this.router.interfaces().pppoeInterface("sub00002")).isEmpty();
		this.simulator.connectSubscriber("sub00002");
		RouterInterface pppoe = this.router.interfaces().pppoeInterface("sub00002").orElseThrow();
		assertThat(pppoe)
			.extracting(RouterInterface::rxBytes, RouterInterface::txBytes, RouterInterface::rxPackets,
					RouterInterface::txPackets)
			.containsExactly(0L, 0L, 0L, 0L);
		this.simulator.addTraffic("sub00002", 10, 20, 1, 2);
		this.simulator.disconnectSubscriber("sub00002");
		assertThat(this.router.interfaces().pppoeInterface("sub00002")).isEmpty();
		assertThat(this.router.pppActive().find("sub00002")).isEmpty();
		this.simulator.connectSubscriber("sub00002");
		assertThat(this.router.interfaces().pppoeInterface("sub00002").orElseThrow().txBytes())
			.as("a new session starts its counters at 0")
			.isZero();
		assertThat(this.router.pppSecrets().find("sub00002").orElseThrow().lastDisconnectReason())
			.isEqualTo("peer-request");
	}

	@Test
	void shouldRefuseLoginsRouterOsWouldRefuse() {
		this.router.pppSecrets().upsert(PppSecretSpec.pppoe("blocked", "pw", "default").withDisabled(true));
		assertThat(this.simulator.connectSubscriber("nobody")).as("no secret").isFalse();
		assertThat(this.simulator.connectSubscriber("blocked")).as("disabled secret").isFalse();
		assertThat(this.simulator.connectSubscriber("sub00001")).isTrue();
		assertThat(this.simulator.connectSubscriber("sub00001")).as("already online").isFalse();
		assertThat(this.simulator.disconnectSubscriber("sub00004")).as("not online").isFalse();
		assertThat(this.simulator.addTraffic("sub00004", 1, 1, 1, 1)).as("not online").isFalse();
		assertThat(this.router.pppActive().list()).extracting(PppActiveSession::name).containsExactly("sub00001");
	}

	@Test
	void shouldSeedTheOnlineShare() {
		try (RouterOsSimulator seeded = TestRouters.simulator(SimulatorVersion.V6_49)
			.secrets(40)
			.onlineShare(0.25)
			.start()) {
			assertThat(seeded.onlineSubscribers()).hasSize(10);
			assertThat(seeded.onlineCount()).isEqualTo(10);
		}
	}

	@Test
	void shouldMarkRemovalsDeadTheWayEachVersionDoes() throws IOException {
		for (SimulatorVersion version : List.of(SimulatorVersion.V6_49, SimulatorVersion.V7_16)) {
			try (RouterOsSimulator old = RouterOsSimulator.builder().version(version).secrets(2).start();
					WireClient listener = WireClient.loggedIn(old)) {
				listener.send("/ppp/active/listen", ".tag=l");
				await().atMost(Duration.ofSeconds(5)).until(() -> old.liveStreams("/ppp/active/listen") == 1);
				old.connectSubscriber("sub00001");
				String id = listener.read().attributes().get(".id");
				old.disconnectSubscriber("sub00001");
				assertThat(listener.read().attributes()).containsEntry(".id", id)
					.containsEntry(".dead", (version == SimulatorVersion.V6_49) ? "yes" : "true");
			}
		}
	}

	private void awaitListening() {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.simulator.liveStreams("/ppp/active/listen") == 1);
	}

}
