package io.towerline.mikrotik.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.Reply;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouterConnectionTests {

	private RouterOsSimulator simulator;

	private RouterConnection connection;

	@AfterEach
	void stop() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.simulator.close();
	}

	@Test
	void shouldPrintSeededSecrets() throws IOException {
		this.simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.secrets(5)
			.user("api", "pw")
			.start();
		this.connection = open("api", "pw");
		Reply reply = this.connection.execute(Command.to("/ppp/secret/print").build(), Duration.ofSeconds(5));
		assertThat(reply.rows()).hasSize(5);
		assertThat(reply.rows().get(0).get("name")).isEqualTo("sub00001");
	}

	private RouterConnection open(String user, String password) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", this.simulator.port()), 2000);
		return RouterConnection.open(socket, "127.0.0.1:" + this.simulator.port(), user, password.toCharArray(),
				Duration.ofSeconds(2), Duration.ofSeconds(2));
	}

}
