package io.towerline.mikrotik.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.interfaces.Interfaces;
import io.towerline.mikrotik.interfaces.TrafficSample;
import io.towerline.mikrotik.ppp.SessionEvent;
import io.towerline.mikrotik.simulator.ReceivedCommand;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streams ({@code listen}, {@code monitor-traffic}), and D8/D9: a callback that throws
 * killed the library's reader, one that called the router deadlocked it. Callbacks here
 * run on the stream's own thread.
 */
class StreamTests {

	private final RouterUnderTest under = RouterUnderTest
		.start(TestRouters.simulator(SimulatorVersion.V7_16).secrets(10).onlineShare(0.5));

	private final RouterOsSimulator simulator = this.under.simulator();

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldStreamMonitorTrafficUntilClosedAndThenCancel() {
		List<TrafficSample> samples = new CopyOnWriteArrayList<>();
		String pppoe = Interfaces.pppoeName("sub00001");
		RouterStream stream = this.router.interfaces().monitor(List.of(pppoe), samples::add, (error) -> {
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> !samples.isEmpty());
		this.simulator.addTraffic("sub00001", 0, 1_000, 0, 1);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> samples.size() >= 3 && samples.stream().anyMatch((sample) -> sample.txBitsPerSecond() > 0));
		stream.close();
		assertThat(samples.get(0).interfaceName()).isEqualTo(pppoe);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.simulator.receivedCommands().stream().anyMatch((c) -> c.path().equals("/cancel")));
		int afterClose = samples.size();
		this.router.ping();
		assertThat(samples.size()).isLessThanOrEqualTo(afterClose + 1);
		await().atMost(Duration.ofSeconds(2)).until(() -> this.router.openConnections() == 1);
	}

	@Test
	void shouldSurviveACallbackThatThrows() {
		AtomicInteger delivered = new AtomicInteger();
		try (RouterStream stream = this.router.interfaces().monitor(List.of("ether1"), (sample) -> {
			delivered.incrementAndGet();
			throw new IllegalStateException("callback bug");
		}, (error) -> {
		})) {
			await().atMost(Duration.ofSeconds(5)).until(() -> delivered.get() >= 3);
			assertThat(stream.isOpen()).isTrue();
			assertThat(this.router.pppSecrets().list()).hasSize(10);
		}
	}

	@Test
	void shouldAllowRouterCallsFromInsideACallback() {
		List<Long> counts = new CopyOnWriteArrayList<>();
		try (RouterStream stream = this.router.interfaces()
			.monitor(List.of("ether1"), (sample) -> counts.add(this.router.pppActive().count()), (error) -> {
			})) {
			await().atMost(Duration.ofSeconds(5)).until(() -> counts.size() >= 2);
		}
		assertThat(counts).allMatch((count) -> count == 5);
	}

	@Test
	void shouldWatchSessionsComingAndGoing() {
		List<SessionEvent> events = new CopyOnWriteArrayList<>();
		try (RouterStream stream = this.router.pppActive().watch(events::add, (error) -> {
		})) {
			await().atMost(Duration.ofSeconds(2))
				.until(() -> this.simulator.receivedCommands().stream().anyMatch(this::isListen));
			this.simulator.connectSubscriber("sub00009");
			this.router.pppActive().kick("sub00001");
			await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 2);
		}
		assertThat(events.get(0)).isInstanceOfSatisfying(SessionEvent.Started.class,
				(started) -> assertThat(started.session().name()).isEqualTo("sub00009"));
		assertThat(events.get(1)).isInstanceOf(SessionEvent.Ended.class);
		assertThat(this.simulator.onlineSubscribers()).contains("sub00009").doesNotContain("sub00001");
	}

	@Test
	void shouldReportAStreamBrokenByTheRouter() {
		List<RouterException> errors = new CopyOnWriteArrayList<>();
		RouterStream stream = this.router.interfaces().monitor(List.of("ether1"), (sample) -> {
		}, errors::add);
		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.simulator.receivedCommands().stream().anyMatch((c) -> c.path().endsWith("traffic")));
		this.simulator.dropAllConnections();
		await().atMost(Duration.ofSeconds(5)).until(() -> !errors.isEmpty());
		assertThat(errors.get(0)).isInstanceOf(RouterUnreachableException.class);
		assertThat(stream.isOpen()).isFalse();
	}

	private boolean isListen(ReceivedCommand command) {
		return command.path().equals("/ppp/active/listen");
	}

}
