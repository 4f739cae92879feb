package io.towerline.mikrotik.simulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import io.towerline.mikrotik.wire.Sentence;
import io.towerline.mikrotik.wire.SentenceReader;
import io.towerline.mikrotik.wire.SentenceWriter;

/**
 * A bare protocol client for checking what the simulator puts on the wire, sentence by
 * sentence.
 */
final class WireClient implements AutoCloseable {

	private final Socket socket;

	private final SentenceReader reader;

	WireClient(int port) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout(5000);
		this.reader = new SentenceReader(new BufferedInputStream(this.socket.getInputStream()));
	}

	static WireClient loggedIn(RouterOsSimulator simulator) throws IOException {
		WireClient client = new WireClient(simulator.port());
		List<Sentence> login = client.call("/login", "=name=admin", "=password=");
		if (!login.get(login.size() - 1).first().equals("!done") || login.size() != 1) {
			throw new IllegalStateException("login failed: " + login);
		}
		return client;
	}

	void send(String... words) throws IOException {
		this.socket.getOutputStream().write(SentenceWriter.encode(Sentence.of(words)));
	}

	/**
	 * Sends one sentence and reads until the {@code !done} (or {@code !fatal}) that ends
	 * it.
	 */
	List<Sentence> call(String... words) throws IOException {
		send(words);
		return readUntilDone();
	}

	List<Sentence> readUntilDone() throws IOException {
		List<Sentence> replies = new ArrayList<>();
		while (true) {
			Sentence sentence = this.reader.read();
			if (sentence == null) {
				return replies;
			}
			replies.add(sentence);
			if (sentence.first().equals("!done") || sentence.first().equals("!fatal")) {
				return replies;
			}
		}
	}

	void sendRaw(byte[] bytes) throws IOException {
		this.socket.getOutputStream().write(bytes);
	}

	Sentence read() throws IOException {
		return this.reader.read();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
