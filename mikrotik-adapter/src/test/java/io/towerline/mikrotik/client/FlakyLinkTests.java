package io.towerline.mikrotik.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.resilience.RetryPolicy;
import io.towerline.mikrotik.simulator.FlakyLink;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mostly working router on a bad link: its failures are single commands (or one lost
 * connection shared by many commands), and the circuit breaker must not treat that as a
 * dead router.
 */
class FlakyLinkTests {

	private final RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19),
			TestRouters.settings()
				.commandTimeout(Duration.ofSeconds(10))
				.readRetry(RetryPolicy.none())
				.breaker(5, Duration.ofSeconds(30))
				.build());

	private final RouterOsSimulator simulator = this.under.simulator();

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldNotOpenTheBreakerWhenOneLostConnectionFailsEveryCommandOnIt() throws Exception {
		this.router.ping();
		// a slow router keeps many commands in flight on the shared connection when it
		// drops
		this.simulator.faults().latency(Duration.ofMillis(300));
		List<Future<?>> calls = new ArrayList<>();
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 16; i++) {
				calls.add(callers.submit(() -> this.router.pppSecrets().list()));
			}
			await(() -> this.simulator.receivedCommands()
				.stream()
				.filter((command) -> command.path().equals("/ppp/secret/print"))
				.count() >= 16);
			this.simulator.dropAllConnections();
		}
		long lost = calls.stream().filter(FlakyLinkTests::failed).count();
		assertThat(lost).as("commands lost with the connection").isGreaterThanOrEqualTo(5);
		this.simulator.faults().latency(Duration.ZERO);
		// one lost connection is one failure: the next call goes through
		assertThat(this.router.pppSecrets().list()).isEmpty();
	}

	@Test
	void shouldKeepTheBreakerClosedOnABadAccessLink() throws Exception {
		this.simulator.faults().flaky(FlakyLink.badAccessLink(15));
		Map<Reason, AtomicInteger> unreachable = new ConcurrentHashMap<>();
		AtomicInteger succeeded = new AtomicInteger();
		AtomicInteger otherFailures = new AtomicInteger();
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int worker = 0; worker < 8; worker++) {
				int first = worker * 40;
				callers.submit(() -> {
					for (int i = first; i < first + 40; i++) {
						try {
							this.router.pppSecrets().upsert(PppSecretSpec.pppoe("user-" + i, "pw", "default"));
							succeeded.incrementAndGet();
						}
						catch (RouterUnreachableException ex) {
							unreachable.computeIfAbsent(ex.reason(), (reason) -> new AtomicInteger()).incrementAndGet();
						}
						catch (RouterException ex) {
							otherFailures.incrementAndGet();
						}
					}
				});
			}
		}
		assertThat(unreachable).as("calls refused by an open breaker").doesNotContainKey(Reason.CIRCUIT_OPEN);
		// a lost connection fails every command in flight on it, so many single calls
		// fail;
		// the durable operations above this layer retry them, but only while the breaker
		// lets them through
		assertThat(succeeded.get()).as("upserts that went through").isGreaterThanOrEqualTo(80);
		assertThat(succeeded.get() + otherFailures.get()
				+ unreachable.values().stream().mapToInt(AtomicInteger::get).sum())
			.isEqualTo(320);
	}

	private static boolean failed(Future<?> call) {
		try {
			call.get();
			return false;
		}
		catch (Exception ex) {
			return true;
		}
	}

	private static void await(BooleanSupplier condition) {
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(condition::getAsBoolean);
	}

}
