package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.mikrotik.wire.Sentence;
import io.towerline.mikrotik.wire.SentenceWriter;

/**
 * A loopback listener that is not a RouterOS API, in one of the ways a port scan meets:
 * for tests proving that a failed connection reads the same whatever was there (ADR
 * 0212).
 */
public final class NotARouter implements AutoCloseable {

	/** What answers on the port. */
	public enum Behaviour {

		/** Nothing: the port was open and is closed again, so connects are refused. */
		CLOSED_PORT,
		/** Accepts and closes at once. */
		CLOSES,
		/** Accepts and never says anything. */
		SILENT,
		/** Answers like a web server and closes. */
		SPEAKS_HTTP,
		/** Speaks the API protocol but ends the session at login. */
		FATAL_ON_LOGIN

	}

	private final ServerSocket server;

	private final int port;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private NotARouter(Behaviour behaviour) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.port = this.server.getLocalPort();
		if (behaviour == Behaviour.CLOSED_PORT) {
			this.server.close();
			return;
		}
		Thread.ofVirtual().name("not-a-router " + this.port).start(() -> serve(behaviour));
	}

	public static NotARouter start(Behaviour behaviour) {
		try {
			return new NotARouter(behaviour);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot listen on loopback", ex);
		}
	}

	public int port() {
		return this.port;
	}

	private void serve(Behaviour behaviour) {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.accepted.add(socket);
				Thread.ofVirtual().start(() -> answer(socket, behaviour));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static void answer(Socket socket, Behaviour behaviour) {
		try (socket) {
			OutputStream out = socket.getOutputStream();
			switch (behaviour) {
				case CLOSES -> {
					// closed by the try
				}
				case SILENT -> drain(socket.getInputStream());
				case SPEAKS_HTTP -> {
					out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
						.getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				case FATAL_ON_LOGIN -> {
					socket.getInputStream().read();
					out.write(SentenceWriter.encode(Sentence.of("!fatal", "not logged in")));
					out.flush();
				}
				case CLOSED_PORT -> throw new IllegalStateException("a closed port accepts nothing");
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void drain(InputStream in) throws IOException {
		byte[] buffer = new byte[512];
		while (in.read(buffer) >= 0) {
			// reads until the client gives up
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
			for (Socket socket : this.accepted) {
				socket.close();
			}
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
