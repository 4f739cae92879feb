package io.towerline.core.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Keeps a freed loopback port for a router that a test has taken down, so that the router
 * really is down: a connection to it is refused at once. Without it, the kernel may hand
 * the freed port to any other process on the machine (another test JVM's simulator, web
 * server or database) and the "down" router then answers as something else: logins hang
 * until their timeout, tries stay RUNNING for seconds, and the test measures a different
 * fault from the one it names. The port is held by a bound socket that never listens and
 * does not allow address reuse, so no other socket can bind it and a connect gets a
 * reset.
 */
public final class ReservedPort implements AutoCloseable {

	private final Socket socket;

	private ReservedPort(Socket socket) {
		this.socket = socket;
	}

	/** Holds {@code port} on 127.0.0.1; call right after closing what listened on it. */
	public static ReservedPort hold(int port) {
		Socket socket = new Socket();
		try {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return new ReservedPort(socket);
		}
		catch (IOException ex) {
			try {
				socket.close();
			}
			catch (IOException suppressed) {
				ex.addSuppressed(suppressed);
			}
			throw new UncheckedIOException("port " + port + " was taken before it could be held", ex);
		}
	}

	/** Frees the port, e.g. to start the router again on it. */
	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
