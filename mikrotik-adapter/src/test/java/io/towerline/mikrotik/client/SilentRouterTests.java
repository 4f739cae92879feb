package io.towerline.mikrotik.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.resilience.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A router that accepts TCP but never answers (a hung API service, or another program on
 * the port): the callers that queued behind one connect must share its failure, not each
 * open a connection of their own and wait out its login timeout in turn, which kept a
 * router's operations RUNNING for minutes.
 */
class SilentRouterTests {

	private final ServerSocket silent = listen();

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() throws IOException {
		this.silent.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

	@Test
	void shouldFailTheCallersWaitingOnAConnectWithItsFailureInsteadOfConnectingOneByOne() throws Exception {
		Thread.ofVirtual().start(this::acceptForever);
		RouterClientSettings settings = TestRouters.settings()
			.loginTimeout(Duration.ofSeconds(3))
			.breaker(100, Duration.ofMinutes(1))
			.readRetry(RetryPolicy.none())
			.build();
		try (RouterClients clients = new RouterClients(settings, null, RouterCommandAuditor.NONE);
				ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			RouterClient router = clients.client(new RouterEndpoint("127.0.0.1", this.silent.getLocalPort(),
					RouterTls.none(), new UsernamePassword("u", "p".toCharArray())));
			Future<?> first = callers.submit(router::ping);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.accepted.size() == 1);
			// three more callers queue behind the login that hangs
			List<Future<?>> queued = List.of(callers.submit(router::ping), callers.submit(router::ping),
					callers.submit(router::ping));
			for (Future<?> call : queued.reversed()) {
				assertThatExceptionOfType(Exception.class).isThrownBy(call::get)
					.havingCause()
					.isInstanceOf(RouterException.class);
			}
			assertThatExceptionOfType(Exception.class).isThrownBy(first::get)
				.havingCause()
				.isInstanceOf(RouterException.class);
			assertThat(this.accepted).as("connections the silent router saw").hasSize(1);
		}
	}

	private void acceptForever() {
		try {
			while (true) {
				this.accepted.add(this.silent.accept());
			}
		}
		catch (IOException ex) {
			// closed at the end of the test
		}
	}

	private static ServerSocket listen() {
		try {
			return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
