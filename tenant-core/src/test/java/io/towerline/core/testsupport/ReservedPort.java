package io.towerline.core.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * Keeps a freed loopback port for a router that a test has taken down, so that the router
 * really is down: a connection to it is refused at once. Without it, the kernel may hand
 * the freed port to any other process on the machine (another test JVM's simulator, web
 * server or database) and the "down" router then answers as something else: logins hang
 * until their timeout, tries stay RUNNING for seconds, and the test measures a different
 * fault from the one it names. The port is held by a bound socket that never listens: a
 * connect gets a reset (refused), and the kernel no longer hands the port to anyone
 * asking for a free one (port 0), which is how every test server picks its port.
 */
public final class ReservedPort implements AutoCloseable {

	private final Socket socket;

	private ReservedPort(Socket socket) {
		this.socket = socket;
	}

	/**
	 * Holds {@code port} on 127.0.0.1; call right after closing what listened on it. The
	 * closed router's own connections keep the port until their peers have closed too
	 * (FIN_WAIT2 on Linux), so this waits up to a few seconds for them.
	 */
	public static ReservedPort hold(int port) {
		AtomicReference<@Nullable Socket> held = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			held.set(tryBind(port));
			return held.get() != null;
		});
		return new ReservedPort(Objects.requireNonNull(held.get()));
	}

	private static @Nullable Socket tryBind(int port) throws IOException {
		Socket socket = new Socket();
		try {
			// connections in TIME_WAIT on this port do not stand in the way
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return socket;
		}
		catch (BindException ex) {
			socket.close();
			return null;
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
