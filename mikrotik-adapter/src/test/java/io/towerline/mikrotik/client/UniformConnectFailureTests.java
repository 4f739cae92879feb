package io.towerline.mikrotik.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.simulator.NotARouter;
import io.towerline.mikrotik.simulator.NotARouter.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a caller learns from a connection that found no RouterOS API (ADR 0212): the same
 * type, code, reason, retry advice and message (but for the address it named) whether the
 * port was closed, closed on accept, stayed silent, spoke HTTP, ended the session or
 * broke a TLS handshake — else a tenant could map a network's open ports through the
 * platform. The cause keeps the detail for the platform's log.
 */
class UniformConnectFailureTests {

	private final RouterClients clients = new RouterClients(
			TestRouters.settings().loginTimeout(Duration.ofMillis(300)).connectTimeout(Duration.ofSeconds(2)).build(),
			null, RouterCommandAuditor.NONE);

	private final List<NotARouter> listeners = new ArrayList<>();

	@AfterEach
	void stop() {
		this.clients.close();
		this.listeners.forEach(NotARouter::close);
	}

	@Test
	void shouldTellNoCauseApartFromAnotherOverPlainApi() {
		List<String> seen = new ArrayList<>();
		List<String> causes = new ArrayList<>();
		for (Behaviour behaviour : Behaviour.values()) {
			RouterException failure = failureAt(behaviour, RouterTls.none());
			seen.add(visible(failure));
			causes.add(String.valueOf(failure.getCause()));
		}
		assertThat(seen).as("what each kind of listener shows the caller").containsOnly(seen.get(0));
		assertThat(causes).as("the detail kept for the log differs").doesNotHaveDuplicates();
	}

	@Test
	void shouldTellATlsHandshakeWithNothingTlsThereLikeAClosedPort() {
		List<String> seen = new ArrayList<>();
		for (Behaviour behaviour : Behaviour.values()) {
			seen.add(visible(failureAt(behaviour, RouterTls.systemCa())));
		}
		seen.add(visible(failureAt(Behaviour.CLOSED_PORT, RouterTls.none())));
		assertThat(seen).containsOnly(seen.get(0));
	}

	private RouterException failureAt(Behaviour behaviour, RouterTls tls) {
		NotARouter listener = NotARouter.start(behaviour);
		this.listeners.add(listener);
		RouterEndpoint endpoint = new RouterEndpoint("127.0.0.1", listener.port(), tls,
				new UsernamePassword("api", "secret".toCharArray()));
		RouterException failure = this.clients.withOwnClient(endpoint,
				(client) -> catchThrowableOfType(RouterException.class, client::ping));
		assertThat(failure).as(behaviour + " fails").isNotNull();
		return failure;
	}

	/** Everything a caller can read, with the address it gave itself taken out. */
	private static String visible(RouterException failure) {
		String reason = (failure instanceof RouterUnreachableException unreachable) ? unreachable.reason().name() : "-";
		return failure.getClass().getSimpleName() + " " + failure.code() + " " + reason + " " + failure.isTransient()
				+ " " + failure.getMessage().replace(failure.router(), "<address>");
	}

}
