package io.towerline.mikrotik.client;

import java.time.Duration;

import io.towerline.mikrotik.RouterErrorCode;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.resilience.RetryPolicy;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * D5, D6: a dropped connection or {@code !fatal} must fail the waiting caller at once
 * (the library only timed out after 60 s) and the next call must reconnect.
 */
class ConnectionFailureTests {

	private final RouterUnderTest under = RouterUnderTest.start(
			TestRouters.simulator(SimulatorVersion.V7_19).secrets(500),
			TestRouters.settings().commandTimeout(Duration.ofSeconds(30)).readRetry(RetryPolicy.none()).build());

	private final RouterOsSimulator simulator = this.under.simulator();

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldFailAtOnceWhenTheConnectionDropsMidReplyAndReconnectNext() {
		this.router.ping();
		this.simulator.faults().dropNextReplyAfterRows(100);
		long started = System.nanoTime();
		assertThatExceptionOfType(RouterUnreachableException.class).isThrownBy(() -> this.router.pppSecrets().list())
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CONNECTION_LOST))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RouterErrorCode.ROUTER_UNREACHABLE));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.router.pppSecrets().list()).hasSize(500);
	}

	@Test
	void shouldFailAtOnceOnFatalWithTheRoutersReason() {
		this.router.ping();
		this.simulator.faults().fatalOnNextCommand("session terminated on request");
		assertThatExceptionOfType(RouterUnreachableException.class)
			.isThrownBy(() -> this.router.pppSecrets().add(PppSecretSpec.pppoe("x", "y", "default")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.SESSION_TERMINATED))
			.withMessageContaining("session terminated on request");
		assertThat(this.router.pppSecrets().count()).isEqualTo(500);
	}

	@Test
	void shouldCollectASlowReplyCompletelyWithinTheTimeout() {
		this.simulator.faults().rowDelay(Duration.ofMillis(2));
		long started = System.nanoTime();
		assertThat(this.router.pppSecrets().list()).hasSize(500);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(900));
	}

	@Test
	void shouldNoticeARouterThatWentAwayBetweenCalls() {
		this.router.ping();
		this.simulator.dropAllConnections();
		// the reader sees the EOF without any command in flight, so the pool knows before
		// the next call
		await().atMost(Duration.ofSeconds(2)).until(() -> this.router.openConnections() == 0);
		this.router.ping();
		assertThat(this.router.openConnections()).isEqualTo(1);
	}

	@Test
	void shouldRetryReadsButNotWritesAfterADrop() {
		try (RouterClients retrying = TestRouters.clients()) {
			RouterClient client = retrying.client(TestRouters.endpoint(this.simulator));
			client.ping();
			this.simulator.faults().dropNextReplyAfterRows(10);
			assertThat(client.pppSecrets().list()).hasSize(500);
			this.simulator.faults().fatalOnNextCommand("bye");
			assertThatExceptionOfType(RouterUnreachableException.class)
				.isThrownBy(() -> client.pppSecrets().add(PppSecretSpec.pppoe("once", "pw", "default")));
			assertThat(this.simulator.secret("once")).isEmpty();
		}
	}

}
