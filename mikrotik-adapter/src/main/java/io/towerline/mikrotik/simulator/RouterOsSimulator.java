package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import io.towerline.mikrotik.wire.Sentence;
import org.jspecify.annotations.Nullable;

/**
 * A RouterOS API server on 127.0.0.1 (or any address), started in-process by tests and
 * the demo, or from the command line through {@link SimulatorMain}. One simulator is one
 * router: every connection sees the same state.
 *
 * <pre>{@code
 * try (RouterOsSimulator router = RouterOsSimulator.builder().version(SimulatorVersion.V7_19).secrets(10_000)
 *         .onlineShare(0.3).user("admin", "secret").start()) {
 *     router.faults().latency(Duration.ofMillis(20));
 *     ... connect to 127.0.0.1:router.port() ...
 * }
 * }</pre>
 */
public final class RouterOsSimulator implements AutoCloseable {

	private static final System.Logger log = System.getLogger(RouterOsSimulator.class.getName());

	private static final int RECORD_LIMIT = 200_000;

	private final ServerSocket server;

	private final SimulatedRouter router;

	private final SimulatorFaults faults = new SimulatorFaults();

	private final SimulatorLogin login;

	private final boolean record;

	private final List<ReceivedCommand> received = Collections.synchronizedList(new ArrayList<>());

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private RouterOsSimulator(ServerSocket server, SimulatedRouter router, SimulatorLogin login, boolean record) {
		this.server = server;
		this.router = router;
		this.login = login;
		this.record = record;
	}

	public static Builder builder() {
		return new Builder();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.sockets.add(socket);
				ApiSession session = new ApiSession(socket, this.router, this.faults, this.login, this::record);
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
				if (!this.server.isClosed()) {
					log.log(Level.WARNING, "accept failed", ex);
				}
			}
		}
	}

	private void record(Sentence sentence) {
		if (this.record && this.received.size() < RECORD_LIMIT) {
			this.received.add(new ReceivedCommand(sentence));
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	public SimulatorVersion version() {
		return this.router.version();
	}

	public SimulatorFaults faults() {
		return this.faults;
	}

	/**
	 * Every sentence received so far, login included (passwords are in there: this is a
	 * test tool).
	 */
	public List<ReceivedCommand> receivedCommands() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	public void clearReceivedCommands() {
		this.received.clear();
	}

	/** Connections currently open. */
	public int openConnections() {
		return this.sockets.size();
	}

	/**
	 * A PPP secret's properties decoded as text, as {@code /ppp/secret/print} would show
	 * them.
	 */
	public Optional<Map<String, String>> secret(String name) {
		return this.router.secrets().byName(RawText.fromText(name)).map(RouterOsSimulator::toText);
	}

	public Optional<Map<String, String>> profile(String name) {
		return this.router.profiles().byName(RawText.fromText(name)).map(RouterOsSimulator::toText);
	}

	public int secretCount() {
		return this.router.secrets().size();
	}

	/** The exact bytes stored for one property of a secret. */
	public byte @Nullable [] rawSecretValue(String name, String property) {
		return this.router.secrets()
			.byName(RawText.fromText(name))
			.map((item) -> item.get(property))
			.map(RawText::bytes)
			.orElse(null);
	}

	/**
	 * Stores arbitrary bytes (CR/LF, {@code \n!}, non-UTF-8, megabytes) in a secret's
	 * property.
	 */
	public void putRawSecretValue(String name, String property, byte[] value) {
		String id = this.router.secrets().resolve(RawText.fromText(name));
		if (id == null) {
			throw new IllegalArgumentException("no secret " + name);
		}
		this.router.secrets().update(id, Map.of(property, RawText.of(value, 0, value.length)), (item) -> null);
	}

	/**
	 * Brings a subscriber online (an active session and a {@code <pppoe-NAME>} interface
	 * appear).
	 */
	public boolean connectSubscriber(String name) {
		return this.router.sessions().connect(RawText.fromText(name)) != null;
	}

	/** Ends a subscriber's session as if the client hung up. */
	public boolean disconnectSubscriber(String name) {
		return this.router.sessions().disconnect(RawText.fromText(name), "peer-request");
	}

	public List<String> onlineSubscribers() {
		return this.router.sessions()
			.table()
			.snapshot()
			.stream()
			.map((item) -> RawText.toText(item.get("name")))
			.toList();
	}

	public String identity() {
		return RawText.toText(this.router.identity());
	}

	public @Nullable String fileContents(String name) {
		String raw = this.router.files().contents(RawText.fromText(name));
		return (raw != null) ? RawText.toText(raw) : null;
	}

	public byte @Nullable [] rawFileContents(String name) {
		String raw = this.router.files().contents(RawText.fromText(name));
		return (raw != null) ? RawText.bytes(raw) : null;
	}

	public void putFile(String name, String type, byte[] contents) {
		this.router.files().put(RawText.fromText(name), type, RawText.of(contents, 0, contents.length));
	}

	// --- settable load (alerts tests) ---

	/**
	 * Makes {@code /system/resource/print} report this CPU load (percent); {@code null}
	 * goes back to the simulator's own small random load.
	 */
	public void cpuLoad(@Nullable Integer percent) {
		this.router.cpuLoad(percent);
	}

	/**
	 * Makes {@code /system/resource/print} report this much free memory (of 1 GiB);
	 * {@code null} goes back to the default.
	 */
	public void freeMemory(@Nullable Long bytes) {
		this.router.freeMemory(bytes);
	}

	/**
	 * Makes {@code /system/resource/print} report this uptime; {@code null} goes back to
	 * the time since start plus three days.
	 */
	public void uptime(@Nullable Duration uptime) {
		this.router.uptime(uptime);
	}

	// --- end of settable load ---

	/** Cuts every open connection without a word, as a reboot or a dead link would. */
	public void dropAllConnections() {
		for (Socket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already gone
			}
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		dropAllConnections();
	}

	private static Map<String, String> toText(Map<String, String> raw) {
		Map<String, String> text = new LinkedHashMap<>();
		raw.forEach((name, value) -> text.put(RawText.toText(name), RawText.toText(value)));
		return text;
	}

	/**
	 * Configures a simulator; every setting has a sensible default (7.16, port 0, admin
	 * with an empty password).
	 */
	public static final class Builder {

		private SimulatorVersion version = SimulatorVersion.V7_16;

		private int port;

		private InetAddress address = InetAddress.getLoopbackAddress();

		private int secrets;

		private double onlineShare;

		private final Map<String, String> users = new LinkedHashMap<>();

		private boolean legacyLogin;

		private String identity = "MikroTik";

		private Duration monitorInterval = Duration.ofSeconds(1);

		private Duration latency = Duration.ZERO;

		private boolean record = true;

		private @Nullable SSLContext tls;

		private Builder() {
		}

		public Builder version(SimulatorVersion version) {
			this.version = version;
			return this;
		}

		/** 0 picks a free port. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		public Builder bindAddress(InetAddress address) {
			this.address = address;
			return this;
		}

		public Builder secrets(int secrets) {
			this.secrets = secrets;
			return this;
		}

		/** Share of the seeded secrets that are online, 0.0 to 1.0. */
		public Builder onlineShare(double onlineShare) {
			this.onlineShare = onlineShare;
			return this;
		}

		public Builder user(String name, String password) {
			this.users.put(RawText.fromText(name), RawText.fromText(password));
			return this;
		}

		/** Answers plain logins with a challenge, like RouterOS before 6.43. */
		public Builder legacyLogin(boolean legacyLogin) {
			this.legacyLogin = legacyLogin;
			return this;
		}

		public Builder identity(String identity) {
			this.identity = identity;
			return this;
		}

		/**
		 * How often a streaming {@code monitor-traffic} reports (RouterOS: every second).
		 */
		public Builder monitorInterval(Duration monitorInterval) {
			this.monitorInterval = monitorInterval;
			return this;
		}

		public Builder latency(Duration latency) {
			this.latency = latency;
			return this;
		}

		/** Keep received sentences for {@link #receivedCommands()} (on by default). */
		public Builder recordCommands(boolean record) {
			this.record = record;
			return this;
		}

		/** Serve API-SSL with this server context instead of plain API. */
		public Builder tls(SSLContext tls) {
			this.tls = tls;
			return this;
		}

		public RouterOsSimulator start() {
			try {
				ServerSocket server = (this.tls != null)
						? this.tls.getServerSocketFactory().createServerSocket(this.port, 1024, this.address)
						: new ServerSocket(this.port, 1024, this.address);
				SimulatedRouter router = new SimulatedRouter(this.version, this.identity, this.monitorInterval);
				router.seedSecrets(this.secrets, this.onlineShare);
				Map<String, String> logins = this.users.isEmpty() ? Map.of("admin", "") : this.users;
				RouterOsSimulator simulator = new RouterOsSimulator(server, router,
						new SimulatorLogin(logins, this.legacyLogin), this.record);
				simulator.faults().latency(this.latency);
				Thread.ofPlatform().daemon().name("simulator-accept-" + server.getLocalPort()).start(simulator::accept);
				return simulator;
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot listen on port " + this.port, ex);
			}
		}

	}

}
