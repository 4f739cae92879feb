package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

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
 *
 * As a live access router: subscribers dial in and out ({@link #connectSubscriber},
 * {@link #disconnectSubscriber}, or background {@link Builder#churn}), their
 * {@code <pppoe-NAME>} counters move ({@link #addTraffic}, or background
 * {@link Builder#traffic}), and the router reboots ({@link #reboot}). Nothing happens by
 * itself unless the builder asks for it.
 */
public final class RouterOsSimulator implements AutoCloseable {

	private static final System.Logger log = System.getLogger(RouterOsSimulator.class.getName());

	private static final int RECORD_LIMIT = 200_000;

	private final ListeningPort listening;

	private final SimulatedRouter router;

	private final SimulatorFaults faults = new SimulatorFaults();

	private final SimulatorLogin login;

	private final FtpService ftp;

	private final boolean record;

	private final List<ReceivedCommand> received = Collections.synchronizedList(new ArrayList<>());

	private final Duration rebootDelay;

	private final @Nullable BackgroundActivity background;

	private final @Nullable ScheduledFuture<?> backgroundTick;

	/** Guards reboot, boot and close. */
	private final Object lifecycle = new Object();

	private volatile boolean up = true;

	private volatile boolean closed;

	/** Counts reboots, so that only the boot of the latest one brings the router up. */
	private long bootGeneration;

	private RouterOsSimulator(ListeningPort.Opener opener, int port, SimulatedRouter router, SimulatorLogin login,
			boolean record, Duration rebootDelay, @Nullable BackgroundActivity background,
			@Nullable ScheduledFuture<?> backgroundTick, InetAddress address, boolean ftp) throws IOException {
		this.router = router;
		this.login = login;
		this.record = record;
		this.rebootDelay = rebootDelay;
		this.background = background;
		this.backgroundTick = backgroundTick;
		this.listening = new ListeningPort(opener, port,
				(socket) -> new ApiSession(socket, this.router, this.faults, this.login, this::record));
		// backups
		router.commands().register("/system/backup/load", new BackupCommands(router).load(this::rebootSoon));
		this.ftp = FtpService.start(address, router.files(), login::accepts, this.listening.port(), ftp);
		this.ftp.register(router.commands());
	}

	public static Builder builder() {
		return new Builder();
	}

	private void record(Sentence sentence) {
		if (this.record && this.received.size() < RECORD_LIMIT) {
			this.received.add(new ReceivedCommand(sentence));
		}
	}

	public int port() {
		return this.listening.port();
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
		return this.listening.openConnections();
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

	/** An {@code /ip/pool} entry's properties as text. */
	public Optional<Map<String, String>> pool(String name) {
		return this.router.pools().byName(RawText.fromText(name)).map(RouterOsSimulator::toText);
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
		return this.up && this.router.connect(RawText.fromText(name)) != null;
	}

	/**
	 * Ends a subscriber's session as if the client hung up: the {@code /ppp/active} entry
	 * and the {@code <pppoe-NAME>} interface disappear ({@code listen} sees
	 * {@code .dead}).
	 * @return false when the subscriber was not online
	 */
	public boolean disconnectSubscriber(String name) {
		return this.router.sessions().disconnect(RawText.fromText(name), "peer-request");
	}

	/**
	 * Calls {@code listener} on every login and logout from now on, whatever caused it (a
	 * test, background churn, a kick over the API, a reboot).
	 */
	public void addSessionListener(SessionListener listener) {
		this.router.sessions().addListener((name, online) -> listener.sessionChanged(RawText.toText(name), online));
	}

	/** How many sessions are online. */
	public int onlineCount() {
		return this.router.sessions().onlineCount();
	}

	/** Who is online, in the order they dialled in. */
	public List<String> onlineSubscribers() {
		return this.router.sessions().onlineNames().stream().map(RawText::toText).toList();
	}

	/**
	 * Moves the counters of an online subscriber's {@code <pppoe-NAME>} interface (and of
	 * the uplink ether1) as RouterOS counts them on the server side: rx is what the
	 * router received from the subscriber (upload), tx what it sent to the subscriber
	 * (download). {@code monitor-traffic} rates follow from the movement.
	 * @return false when the subscriber is not online (nothing moves)
	 */
	public boolean addTraffic(String name, long rxBytes, long txBytes, long rxPackets, long txPackets) {
		return this.up
				&& this.router.sessions().addTraffic(RawText.fromText(name), rxBytes, txBytes, rxPackets, txPackets);
	}

	/**
	 * The counters of an online subscriber's {@code <pppoe-NAME>} interface as
	 * {@code /interface/print} shows them now (wrapped at 2^32 with 32-bit counters).
	 */
	public Optional<TrafficCounters> interfaceCounters(String name) {
		OnlineSession session = this.router.sessions().session(RawText.fromText(name));
		return Optional.ofNullable(session).map((online) -> online.meter().counters().wrapped(counterBits()));
	}

	/**
	 * Everything a subscriber has transferred since the simulator started, over all its
	 * sessions and across reboots, never wrapped: the truth usage accounting must match.
	 */
	public TrafficCounters totalTraffic(String name) {
		return this.router.sessions().totalTraffic(RawText.fromText(name));
	}

	/**
	 * How many streams of this command are live now, e.g.
	 * {@code liveStreams("/interface/monitor-traffic")} or
	 * {@code liveStreams("/ppp/active/listen")}. A stream counts once it sees every
	 * change ({@code listen} subscribed, the first {@code monitor-traffic} sample sent)
	 * and until it is cancelled or its connection drops.
	 */
	public int liveStreams(String command) {
		return this.router.liveStreams().count(command);
	}

	/** Width of the interface counters now: 32 or 64. */
	public int counterBits() {
		return this.router.counterBits();
	}

	/**
	 * Changes the width of the interface counters: 32 shows every counter modulo 2^32, as
	 * RouterOS 6 does; 64 shows the full value.
	 */
	public void counterBits(int bits) {
		this.router.counterBits(bits);
	}

	/**
	 * Reboots the router: every session ends (no {@code listen} reply reaches anyone,
	 * every API connection drops), interface counters restart at 0 and so does the uptime
	 * in {@code /system/resource}. For {@link Builder#rebootDelay} the router refuses
	 * connections; then it accepts again on the same port. With background churn or
	 * traffic on, the subscribers that were online redial within a minute of the boot.
	 */
	public void reboot() {
		long reboot;
		synchronized (this.lifecycle) {
			if (this.closed) {
				return;
			}
			this.up = false;
			if (this.background != null) {
				this.background.paused(true);
			}
			if (!this.rebootDelay.isZero()) {
				this.listening.stopListening();
			}
			dropAllConnections();
			List<String> wasOnline = this.router.reboot();
			if (this.background != null) {
				this.background.redialAfterBoot(wasOnline, this.rebootDelay);
			}
			if (this.rebootDelay.isZero()) {
				booted();
				return;
			}
			reboot = ++this.bootGeneration;
		}
		Thread.ofVirtual().name("simulator-boot").start(() -> {
			try {
				Thread.sleep(this.rebootDelay);
				boot(reboot);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	/** False while a reboot is in progress. */
	public boolean isUp() {
		return this.up;
	}

	/** How long since the (last) boot, as {@code /system/resource} reports it. */
	public Duration uptime() {
		return this.router.uptime();
	}

	private void boot(long reboot) {
		synchronized (this.lifecycle) {
			if (this.closed || reboot != this.bootGeneration) {
				return;
			}
			try {
				this.listening.listenAgain();
			}
			catch (IOException ex) {
				log.log(Level.WARNING, "simulated router could not listen again after its reboot", ex);
				return;
			}
			booted();
		}
	}

	private void booted() {
		this.up = true;
		if (this.background != null) {
			this.background.paused(false);
		}
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
		this.listening.dropAllConnections();
	}

	// backups

	/**
	 * A {@code .backup} file of the current configuration, as {@code /system/backup/save}
	 * would write it.
	 */
	public byte[] backupImage(@Nullable String password) {
		return new BackupImage(this.router.identity(), withoutIds(this.router.profiles().snapshot()),
				withoutIds(this.router.secrets().snapshot()))
			.save((password != null) ? RawText.fromText(password) : null);
	}

	/** The names of the files on the router's disk. */
	public List<String> fileNames() {
		return this.router.files().names().stream().map(RawText::toText).toList();
	}

	/** Removes a PPP secret, as someone at the router's console would. */
	public boolean removeSecret(String name) {
		String id = this.router.secrets().resolve(RawText.fromText(name));
		return id != null && this.router.secrets().remove(id) != null;
	}

	/**
	 * Empties the PPP menus (built-in profiles stay) and resets the identity, as
	 * {@code /system reset-configuration no-defaults=yes} would.
	 */
	public void resetConfiguration() {
		for (Map<String, String> secret : this.router.secrets().snapshot()) {
			this.router.secrets().remove(secret.get(".id"));
		}
		for (Map<String, String> profile : this.router.profiles().snapshot()) {
			if (!"true".equals(profile.get("default"))) {
				this.router.profiles().remove(profile.get(".id"));
			}
		}
		this.router.identity(RawText.fromText("MikroTik"));
	}

	/** Renames the router, as {@code /system identity set} would. */
	public void identity(String name) {
		this.router.identity(RawText.fromText(name));
	}

	/** How many times a loaded backup has rebooted this router. */
	public int reboots() {
		return this.backupReboots.get();
	}

	private final AtomicInteger backupReboots = new AtomicInteger();

	/**
	 * The reboot after {@code /system/backup/load}: every PPP session ends and every
	 * connection drops, just after the load's reply has left.
	 */
	private void rebootSoon() {
		Thread.ofVirtual().name("simulator-reboot").start(() -> {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.backupReboots.incrementAndGet();
			reboot();
		});
	}

	private static List<Map<String, String>> withoutIds(List<Map<String, String>> items) {
		items.forEach((item) -> item.remove(".id"));
		return items;
	}

	/** The port of the router's FTP service (how RouterOS 6 hands over big files). */
	public int ftpPort() {
		return this.ftp.port();
	}

	/**
	 * Enables or disables the FTP service, as {@code /ip service} would (only one the
	 * builder started).
	 */
	public void ftpEnabled(boolean enabled) {
		this.ftp.enabled(enabled);
	}

	// end of backups

	@Override
	public void close() {
		synchronized (this.lifecycle) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.up = false;
			if (this.backgroundTick != null) {
				SimulatorTicker.stop(this.backgroundTick);
			}
			this.listening.stopListening();
			dropAllConnections();
			this.ftp.close();
		}
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

		private @Nullable Integer counterBits;

		private Duration rebootDelay = Duration.ZERO;

		private double churnPerHour;

		private boolean dailyTraffic;

		private Duration tick = Duration.ofSeconds(1);

		private long seed = System.nanoTime();

		private long seedOffset;

		private Clock clock = Clock.systemDefaultZone();

		private @Nullable Boolean ftp;

		private Builder() {
		}

		/**
		 * Whether the FTP service listens, enabled (default: on RouterOS 6 only, which
		 * needs it for big files; false shows it disabled, as an administrator may have).
		 */
		public Builder ftp(boolean enabled) {
			this.ftp = enabled;
			return this;
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
		 * It is also the "second" rates are measured over: a sample reports the movement
		 * of one interval as if it took a second, so a test with 50 ms sees 20 times the
		 * bytes it added.
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

		/**
		 * Width of the interface counters: 32 (they wrap at 2^32, as on RouterOS 6) or
		 * 64. Default: 32 for 6.x versions, 64 for 7.x.
		 */
		public Builder counterBits(int bits) {
			this.counterBits = RouterSettings.checkCounterBits(bits);
			return this;
		}

		/**
		 * How long a {@link RouterOsSimulator#reboot()} refuses connections (default 0).
		 */
		public Builder rebootDelay(Duration rebootDelay) {
			this.rebootDelay = rebootDelay;
			return this;
		}

		/**
		 * Background logins and logouts: each online session ends at this rate per hour
		 * (0.05 = 5 % an hour), and offline subscribers dial in at the rate that keeps
		 * the online share around {@link #onlineShare}. Default 0: nobody comes or goes
		 * by themselves.
		 */
		public Builder churn(double perSessionPerHour) {
			if (perSessionPerHour < 0) {
				throw new IllegalArgumentException("churn cannot be negative");
			}
			this.churnPerHour = perSessionPerHour;
			return this;
		}

		/**
		 * Background traffic: true moves every session's counters each tick along a
		 * residential daily curve (evening peak, night trough, a few heavy users); false
		 * (the default) leaves counters to {@link RouterOsSimulator#addTraffic}.
		 */
		public Builder traffic(boolean dailyPattern) {
			this.dailyTraffic = dailyPattern;
			return this;
		}

		/** How often background churn and traffic advance (default 1 s). */
		public Builder tick(Duration tick) {
			this.tick = tick;
			return this;
		}

		/** Seeds the background randomness (churn picks, traffic profiles, noise). */
		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		/** Fleet members share the configured seed but must not behave identically. */
		Builder seedOffset(long offset) {
			this.seedOffset = offset;
			return this;
		}

		/**
		 * Wall-clock time for dates and the hour on the daily traffic curve (default: the
		 * system clock).
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/** Serve API-SSL with this server context instead of plain API. */
		public Builder tls(SSLContext tls) {
			this.tls = tls;
			return this;
		}

		public RouterOsSimulator start() {
			if (this.onlineShare < 0 || this.onlineShare > 1) {
				throw new IllegalArgumentException("the online share is between 0 and 1, not " + this.onlineShare);
			}
			try {
				SSLContext tls = this.tls;
				InetAddress address = this.address;
				ListeningPort.Opener opener = (port) -> {
					ServerSocket server = (tls != null) ? tls.getServerSocketFactory().createServerSocket()
							: new ServerSocket();
					server.setReuseAddress(true);
					server.bind(new InetSocketAddress(address, port), 1024);
					return server;
				};
				Random random = new Random(this.seed + this.seedOffset * 0x9E3779B97F4A7C15L);
				boolean background = this.churnPerHour > 0 || this.dailyTraffic;
				int bits = (this.counterBits != null) ? this.counterBits : this.version.counterBits();
				SimulatedRouter router = new SimulatedRouter(
						new RouterSettings(this.version, this.identity, this.monitorInterval, bits, this.clock),
						this.dailyTraffic ? random : null);
				router.seedSecrets(this.secrets, this.onlineShare);
				Map<String, String> logins = this.users.isEmpty() ? Map.of("admin", "") : this.users;
				BackgroundActivity activity = background ? new BackgroundActivity(router, random, this.churnPerHour,
						this.onlineShare, this.dailyTraffic, this.tick) : null;
				ScheduledFuture<?> tick = (activity != null) ? SimulatorTicker.every(this.tick, activity) : null;
				try {
					RouterOsSimulator simulator = new RouterOsSimulator(opener, this.port, router,
							new SimulatorLogin(logins, this.legacyLogin), this.record, this.rebootDelay, activity, tick,
							address, (this.ftp != null) ? this.ftp : !this.version.chunkedFileRead());
					simulator.faults().latency(this.latency);
					return simulator;
				}
				catch (IOException ex) {
					if (tick != null) {
						SimulatorTicker.stop(tick);
					}
					throw ex;
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot listen on port " + this.port, ex);
			}
		}

	}

}
