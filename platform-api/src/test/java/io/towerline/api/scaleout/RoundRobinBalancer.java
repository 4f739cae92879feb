package io.towerline.api.scaleout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP load balancer on loopback, as a Kubernetes Service spreads connections: each new
 * connection goes to the next backend in turn; a backend that refuses the connection (a
 * dead replica) is skipped for the next one. Bytes are copied both ways on virtual
 * threads, so HTTP and WebSocket (graphql-ws) pass alike.
 */
final class RoundRobinBalancer implements AutoCloseable {

	private final ServerSocket server;

	private final List<Integer> backends = new CopyOnWriteArrayList<>();

	private final AtomicInteger next = new AtomicInteger();

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	RoundRobinBalancer(List<Integer> backendPorts) {
		this.backends.addAll(backendPorts);
		try {
			this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.threads.submit(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.threads.submit(() -> forward(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void forward(Socket client) {
		Socket backend = connectToNextLive();
		if (backend == null) {
			closeQuietly(client);
			return;
		}
		this.open.add(client);
		this.open.add(backend);
		this.threads.submit(() -> copy(client, backend));
		copy(backend, client);
	}

	private Socket connectToNextLive() {
		for (int tries = 0; tries < this.backends.size(); tries++) {
			int port = this.backends.get(Math.floorMod(this.next.getAndIncrement(), this.backends.size()));
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
				return socket;
			}
			catch (IOException ex) {
				closeQuietly(socket);
			}
		}
		return null;
	}

	private void copy(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			byte[] buffer = new byte[16 * 1024];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side went away (a killed replica, a closed client): close both
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		this.open.forEach(RoundRobinBalancer::closeQuietly);
		this.threads.shutdownNow();
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
