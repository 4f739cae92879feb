package io.towerline.mikrotik.client;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterErrorCode;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.audit.AuditedCommand;
import io.towerline.mikrotik.audit.AuditedCommand.Outcome;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.credentials.LocalAesGcmCredentialVault;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.credentials.SealedCredential;
import io.towerline.mikrotik.ppp.PppSecretChange;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** Pooling, capabilities, circuit breaker and auditing as the platform sees them. */
class RouterClientsTests {

	@Test
	void shouldAuditEveryCommandWithSecretsRedacted() {
		List<AuditedCommand> audit = new CopyOnWriteArrayList<>();
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19).secrets(1),
				TestRouters.settings().build(), audit::add)) {
			RouterClient router = under.client();
			router.pppSecrets().add(PppSecretSpec.pppoe("alice", "top-secret-pw", "plan-10M"));
			router.pppSecrets().update("alice", PppSecretChange.none().withPassword("next-secret-pw"));
			assertThatExceptionOfType(RouterCommandRejectedException.class)
				.isThrownBy(() -> router.pppSecrets().add(PppSecretSpec.pppoe("alice", "x", "plan-10M")));
		}
		assertThat(audit).extracting(AuditedCommand::path)
			.contains("/system/resource/print", "/ppp/secret/add", "/ppp/secret/print", "/ppp/secret/set");
		AuditedCommand add = audit.stream().filter((c) -> c.path().equals("/ppp/secret/add")).findFirst().orElseThrow();
		assertThat(add.parameters()).containsEntry("name", "alice").containsEntry("password", "***");
		assertThat(add.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(add.router()).startsWith("127.0.0.1:");
		assertThat(audit.get(audit.size() - 1).outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(audit.get(audit.size() - 1).errorCode()).isEqualTo(RouterErrorCode.ROUTER_COMMAND_REJECTED);
		assertThat(audit.toString()).doesNotContain("top-secret-pw").doesNotContain("next-secret-pw");
	}

	@Test
	void shouldKeepWorkingWhenTheAuditorThrows() {
		RouterCommandAuditor broken = (command) -> {
			throw new IllegalStateException("audit store down");
		};
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_16).secrets(2),
				TestRouters.settings().build(), broken)) {
			assertThat(under.client().pppSecrets().list()).hasSize(2);
		}
	}

	@Test
	void shouldOpenTheCircuitForADeadRouterAndFailFast() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		RouterClientSettings settings = TestRouters.settings().breaker(2, Duration.ofMinutes(1)).build();
		try (RouterClients clients = new RouterClients(settings, null, RouterCommandAuditor.NONE)) {
			RouterClient router = clients.client(new RouterEndpoint("127.0.0.1", closedPort, RouterTls.none(),
					new UsernamePassword("u", "p".toCharArray())));
			assertThatExceptionOfType(RouterUnreachableException.class).isThrownBy(() -> router.pppSecrets().list())
				.satisfies((ex) -> assertThat(ex.reason()).isIn(Reason.CONNECT_FAILED, Reason.CIRCUIT_OPEN));
			assertThatExceptionOfType(RouterUnreachableException.class).isThrownBy(router::ping)
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
		}
	}

	@Test
	void shouldReportAuthenticationFailureWithItsCode() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_16))) {
			RouterClient wrong = under.clients()
				.client(new RouterEndpoint("127.0.0.1", under.simulator().port(), RouterTls.none(),
						new UsernamePassword(TestRouters.USER, "wrong".toCharArray())));
			assertThatExceptionOfType(RouterAuthenticationException.class).isThrownBy(wrong::ping)
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RouterErrorCode.ROUTER_AUTHENTICATION_FAILED))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("wrong"));
		}
	}

	@Test
	void shouldKeepTwoRecordsOfOneAddressApart() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_16))) {
			RouterClients clients = under.clients();
			RouterClient owners = clients.client("record-a", TestRouters.endpoint(under.simulator()));
			owners.ping();
			RouterEndpoint guessed = new RouterEndpoint("127.0.0.1", under.simulator().port(), RouterTls.none(),
					new UsernamePassword(TestRouters.USER, "guess".toCharArray()));
			for (int attempt = 0; attempt < 5; attempt++) {
				RouterClient other = clients.client("record-b", guessed);
				assertThatExceptionOfType(RouterException.class).isThrownBy(other::ping);
			}

			// the other record's failures neither replaced, closed nor tripped this one's
			assertThat(clients.client("record-a", TestRouters.endpoint(under.simulator()))).isSameAs(owners);
			assertThat(owners.openConnections()).isEqualTo(1);
			owners.ping();
			assertThat(clients.circuitBreakers().circuitBreaker("record-a").getState())
				.isEqualTo(CircuitBreaker.State.CLOSED);

			clients.evict("record-b");
			assertThat(clients.client("record-a", TestRouters.endpoint(under.simulator()))).isSameAs(owners);
			owners.ping();
		}
	}

	@Test
	void shouldShareOneClientPerEndpointAndCloseIdleConnections() {
		RouterClientSettings settings = TestRouters.settings().pool(2, 64, Duration.ofMillis(200)).build();
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_16), settings)) {
			RouterClient router = under.client();
			assertThat(under.clients().client(TestRouters.endpoint(under.simulator()))).isSameAs(router);
			router.ping();
			assertThat(under.clients().openConnections()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(3)).until(() -> under.simulator().openConnections() == 0);
			assertThat(router.openConnections()).isZero();
			router.ping();
			assertThat(router.openConnections()).isEqualTo(1);
		}
	}

	@Test
	void shouldOpenASecondConnectionOnlyWhenTheFirstIsBusy() {
		RouterClientSettings settings = TestRouters.settings().pool(2, 1, Duration.ofMinutes(1)).build();
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_16), settings)) {
			RouterClient router = under.client();
			router.ping();
			router.ping();
			assertThat(router.openConnections()).isEqualTo(1);
			try (var stream = router.interfaces().monitor(List.of("ether1"), (sample) -> {
			}, (error) -> {
			})) {
				router.ping();
				assertThat(router.openConnections()).isEqualTo(2);
				router.ping();
				assertThat(under.simulator().openConnections()).isEqualTo(2);
			}
		}
	}

	@Test
	void shouldUnsealCredentialsAtConnectTime(@TempDir Path directory) {
		LocalAesGcmCredentialVault vault = LocalAesGcmCredentialVault.fromKeyFile(directory.resolve("key"));
		SealedCredential sealed = vault
			.seal(new UsernamePassword(TestRouters.USER, TestRouters.PASSWORD.toCharArray()));
		try (RouterOsSimulator simulator = TestRouters.simulator(SimulatorVersion.V7_16).secrets(1).start();
				RouterClients clients = new RouterClients(TestRouters.settings().build(), vault,
						RouterCommandAuditor.NONE)) {
			RouterClient router = clients.client(RouterEndpoint.plain("127.0.0.1", sealed).withPort(simulator.port()));
			assertThat(router.pppSecrets().count()).isEqualTo(1);
			RouterClient unsealable = clients.client(
					RouterEndpoint.plain("127.0.0.1", new SealedCredential("local:v1:0:x")).withPort(simulator.port()));
			assertThatExceptionOfType(RouterAuthenticationException.class).isThrownBy(unsealable::ping)
				.withMessageContaining("credentials unavailable");
		}
	}

	@Test
	void shouldDetectCapabilitiesFromTheRoutersVersion() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V6_49))) {
			assertThat(under.client().capabilities().version().major()).isEqualTo(6);
			assertThat(under.client().capabilities().chunkedFileRead()).isFalse();
			assertThat(under.client().capabilities().exportHidesSensitiveByDefault()).isFalse();
		}
	}

}
