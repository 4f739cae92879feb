package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * The simulator's API port: accepts on a virtual thread, runs each connection on its own,
 * can cut every connection, and can stop listening and listen again on the same port (a
 * reboot).
 */
final class ListeningPort {

	private static final System.Logger log = System.getLogger(ListeningPort.class.getName());

	/** Opens the listening socket, at start and again when a reboot is over. */
	@FunctionalInterface
	interface Opener {

		ServerSocket open(int port) throws IOException;

		/** Plain API, or API-SSL with {@code tls}, on {@code address}. */
		static Opener on(InetAddress address, @Nullable SSLContext tls) {
			return (port) -> {
				ServerSocket server = (tls != null) ? tls.getServerSocketFactory().createServerSocket()
						: new ServerSocket();
				server.setReuseAddress(true);
				server.bind(new InetSocketAddress(address, port), 1024);
				return server;
			};
		}

	}

	private final Opener opener;

	private final Function<Socket, Runnable> sessions;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final int port;

	private volatile ServerSocket server;

	/**
	 * @param port 0 for any free port
	 * @param sessions the API session to run on an accepted socket
	 */
	ListeningPort(Opener opener, int port, Function<Socket, Runnable> sessions) throws IOException {
		this.opener = opener;
		this.sessions = sessions;
		this.server = opener.open(port);
		this.port = this.server.getLocalPort();
		startAccepting(this.server);
	}

	int port() {
		return this.port;
	}

	int openConnections() {
		return this.sockets.size();
	}

	/** Stops accepting: connecting now is refused, as with a router that is down. */
	void stopListening() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	/** Listens again on the same port. */
	void listenAgain() throws IOException {
		ServerSocket reopened = this.opener.open(this.port);
		this.server = reopened;
		startAccepting(reopened);
	}

	/** Cuts every open connection without a word, as a reboot or a dead link would. */
	void dropAllConnections() {
		for (Socket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already gone
			}
		}
	}

	private void startAccepting(ServerSocket server) {
		Thread.ofVirtual().name("simulator-accept-" + this.port).start(() -> accept(server));
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				this.sockets.add(socket);
				Runnable session = this.sessions.apply(socket);
				Thread.ofVirtual().name("simulator-session").start(() -> {
					try {
						session.run();
					}
					finally {
						this.sockets.remove(socket);
					}
				});
			}
			catch (IOException ex) {
				if (!server.isClosed()) {
					log.log(Level.WARNING, "accept failed", ex);
				}
			}
		}
	}

}
