package io.towerline.mikrotik.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.Reply;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The connection on its own: socket handling (D11, D12), login flows, pipelining through
 * submit.
 */
class RouterConnectionTests {

	private RouterOsSimulator simulator;

	private final List<RouterConnection> connections = new ArrayList<>();

	@AfterEach
	void stop() {
		this.connections.forEach(RouterConnection::close);
		this.simulator.close();
	}

	@Test
	void shouldDisableNagleAndWriteEachSentenceInOneCall() throws IOException {
		this.simulator = start(RouterOsSimulator.builder().user("api", "pw"));
		CountingSocket socket = new CountingSocket();
		RouterConnection connection = open(socket, "api", "pw");
		int writesAfterLogin = socket.writes.get();
		for (int i = 0; i < 20; i++) {
			connection.execute(Command.to("/system/identity/print").build(), Duration.ofSeconds(5));
		}
		assertThat(socket.getTcpNoDelay()).isTrue();
		assertThat(socket.getKeepAlive()).isTrue();
		assertThat(socket.writes.get() - writesAfterLogin).isEqualTo(20);
	}

	@Test
	void shouldReadLargeRepliesThroughABuffer() throws IOException {
		this.simulator = start(RouterOsSimulator.builder().secrets(10_000).user("api", "pw"));
		CountingSocket socket = new CountingSocket();
		RouterConnection connection = open(socket, "api", "pw");
		Reply reply = connection.execute(Command.to("/ppp/secret/print").build(), Duration.ofSeconds(30));
		assertThat(reply.rows()).hasSize(10_000);
		// unbuffered, the library made one read call per byte: millions for this reply
		// (D12)
		assertThat(socket.reads.get()).isLessThan(5_000);
	}

	@Test
	void shouldLogInWithTheLegacyChallenge() throws IOException {
		this.simulator = start(RouterOsSimulator.builder().legacyLogin(true).user("old", "pässword"));
		RouterConnection connection = open(new Socket(), "old", "pässword");
		assertThat(connection.execute(Command.to("/system/identity/print").build(), Duration.ofSeconds(5)).rows())
			.hasSize(1);
	}

	@Test
	void shouldRejectBadCredentialsWithTheRoutersMessage() {
		this.simulator = start(RouterOsSimulator.builder().user("api", "pw"));
		assertThatExceptionOfType(RouterAuthenticationException.class)
			.isThrownBy(() -> open(new Socket(), "api", "nope"))
			.withMessageContaining("invalid user name or password");
		assertThatExceptionOfType(RouterAuthenticationException.class)
			.isThrownBy(() -> open(new Socket(), "api\"=x", "pw"));
	}

	@Test
	void shouldReportEveryPipelinedResultOnce() throws IOException {
		this.simulator = start(RouterOsSimulator.builder().user("api", "pw"));
		RouterConnection connection = open(new Socket(), "api", "pw");
		List<CommandResult> results = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 50; i++) {
			connection.submit(Command.to("/ppp/secret/add").with("name", "p" + i).build(), results::add);
		}
		connection.submit(Command.to("/ppp/secret/add").with("name", "p1").build(), results::add);
		await().atMost(Duration.ofSeconds(5)).until(() -> results.size() == 51);
		assertThat(results).filteredOn((result) -> result.error() == null).hasSize(50);
		assertThat(connection.inFlight()).isZero();
	}

	@Test
	void shouldFailInFlightCommandsWhenTheConnectionIsClosed() throws IOException {
		this.simulator = start(RouterOsSimulator.builder().user("api", "pw"));
		this.simulator.faults().latency(Duration.ofSeconds(10));
		RouterConnection connection = open(new Socket(), "api", "pw");
		List<CommandResult> results = new CopyOnWriteArrayList<>();
		connection.submit(Command.to("/system/identity/print").build(), results::add);
		connection.close();
		await().atMost(Duration.ofSeconds(2)).until(() -> results.size() == 1);
		assertThat(results.get(0).error()).isInstanceOf(RouterUnreachableException.class);
		assertThat(connection.isOpen()).isFalse();
	}

	private static RouterOsSimulator start(RouterOsSimulator.Builder builder) {
		return builder.version(SimulatorVersion.V7_19).start();
	}

	private RouterConnection open(Socket socket, String user, String password) throws IOException {
		socket.connect(new InetSocketAddress("127.0.0.1", this.simulator.port()), 2000);
		RouterConnection connection = RouterConnection.open(socket, "127.0.0.1:" + this.simulator.port(), user,
				password.toCharArray(), Duration.ofSeconds(2), Duration.ofSeconds(2));
		this.connections.add(connection);
		return connection;
	}

}
