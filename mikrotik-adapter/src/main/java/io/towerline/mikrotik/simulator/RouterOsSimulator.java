package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

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
 * <p>
 * This class is the simulator's test API only; each part lives in a class of its own:
 * {@link PowerCycle} (reboots, close), {@link SessionControls} (subscribers and their
 * counters), {@link PppConfiguration} (the PPP menus behind the API's back),
 * {@link CommandRecorder}, and the menus and services in {@link SimulatedRouter}.
 */
public final class RouterOsSimulator implements AutoCloseable {

	private final ListeningPort listening;

	private final SimulatedRouter router;

	private final SimulatorFaults faults = new SimulatorFaults();

	private final CommandRecorder recorder;

	private final PowerCycle power;

	private final SessionControls sessions;

	private final PppConfiguration ppp;

	private final FtpService ftp;

	RouterOsSimulator(ListeningPort.Opener opener, int port, SimulatedRouter router, SimulatorLogin login,
			boolean record, Duration rebootDelay, @Nullable BackgroundActivity background,
			@Nullable ScheduledFuture<?> backgroundTick, InetAddress address, boolean ftp) throws IOException {
		this.router = router;
		this.recorder = new CommandRecorder(record);
		this.listening = new ListeningPort(opener, port,
				(socket) -> new ApiSession(socket, this.router, this.faults, login, this.recorder::record));
		this.power = new PowerCycle(router, this.listening, rebootDelay, background, backgroundTick);
		this.sessions = new SessionControls(router, this.power::isUp);
		this.ppp = new PppConfiguration(router);
		router.commands()
			.register("/system/backup/load", new BackupCommands(router).load(this.power::rebootAfterBackupLoad));
		this.ftp = FtpService.start(address, router.files(), login::accepts, this.listening.port(), ftp);
		this.ftp.register(router.commands());
	}

	public static Builder builder() {
		return new Builder();
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
		return this.recorder.received();
	}

	public void clearReceivedCommands() {
		this.recorder.clear();
	}

	/** Connections currently open. */
	public int openConnections() {
		return this.listening.openConnections();
	}

	/** Cuts every open connection without a word, as a reboot or a dead link would. */
	public void dropAllConnections() {
		this.listening.dropAllConnections();
	}

	// --- PPP configuration, as the router's console sees it ---

	/**
	 * A PPP secret's properties decoded as text, as {@code /ppp/secret/print} would show
	 * them.
	 */
	public Optional<Map<String, String>> secret(String name) {
		return this.ppp.secret(name);
	}

	public Optional<Map<String, String>> profile(String name) {
		return this.ppp.profile(name);
	}

	/** An {@code /ip/pool} entry's properties as text. */
	public Optional<Map<String, String>> pool(String name) {
		return this.ppp.pool(name);
	}

	public int secretCount() {
		return this.ppp.secretCount();
	}

	/** The exact bytes stored for one property of a secret. */
	public byte @Nullable [] rawSecretValue(String name, String property) {
		return this.ppp.rawSecretValue(name, property);
	}

	/**
	 * Stores arbitrary bytes (CR/LF, {@code \n!}, non-UTF-8, megabytes) in a secret's
	 * property.
	 */
	public void putRawSecretValue(String name, String property, byte[] value) {
		this.ppp.putRawSecretValue(name, property, value);
	}

	/** Removes a PPP secret, as someone at the router's console would. */
	public boolean removeSecret(String name) {
		return this.ppp.removeSecret(name);
	}

	/**
	 * Empties the PPP menus (built-in profiles stay) and resets the identity, as
	 * {@code /system reset-configuration no-defaults=yes} would.
	 */
	public void resetConfiguration() {
		this.ppp.reset();
	}

	public String identity() {
		return RawText.toText(this.router.identity());
	}

	/** Renames the router, as {@code /system identity set} would. */
	public void identity(String name) {
		this.router.identity(RawText.fromText(name));
	}

	// --- subscribers' sessions and traffic ---

	/**
	 * Brings a subscriber online (an active session and a {@code <pppoe-NAME>} interface
	 * appear).
	 */
	public boolean connectSubscriber(String name) {
		return this.sessions.connect(name);
	}

	/**
	 * Ends a subscriber's session as if the client hung up: the {@code /ppp/active} entry
	 * and the {@code <pppoe-NAME>} interface disappear ({@code listen} sees
	 * {@code .dead}).
	 * @return false when the subscriber was not online
	 */
	public boolean disconnectSubscriber(String name) {
		return this.sessions.disconnect(name);
	}

	/**
	 * Calls {@code listener} on every login and logout from now on, whatever caused it (a
	 * test, background churn, a kick over the API, a reboot).
	 */
	public void addSessionListener(SessionListener listener) {
		this.sessions.addListener(listener);
	}

	/** How many sessions are online. */
	public int onlineCount() {
		return this.sessions.onlineCount();
	}

	/** Who is online, in the order they dialled in. */
	public List<String> onlineSubscribers() {
		return this.sessions.onlineSubscribers();
	}

	/**
	 * Moves the counters of an online subscriber's {@code <pppoe-NAME>} interface (and of
	 * the uplink ether1) as RouterOS counts them on the server side: rx is what the
	 * router received from the subscriber (upload), tx what it sent to the subscriber
	 * (download). {@code monitor-traffic} rates follow from the movement.
	 * @return false when the subscriber is not online (nothing moves)
	 */
	public boolean addTraffic(String name, long rxBytes, long txBytes, long rxPackets, long txPackets) {
		return this.sessions.addTraffic(name, rxBytes, txBytes, rxPackets, txPackets);
	}

	/**
	 * The counters of an online subscriber's {@code <pppoe-NAME>} interface as
	 * {@code /interface/print} shows them now (wrapped at 2^32 with 32-bit counters).
	 */
	public Optional<TrafficCounters> interfaceCounters(String name) {
		return this.sessions.interfaceCounters(name);
	}

	/**
	 * Everything a subscriber has transferred since the simulator started, over all its
	 * sessions and across reboots, never wrapped: the truth usage accounting must match.
	 */
	public TrafficCounters totalTraffic(String name) {
		return this.sessions.totalTraffic(name);
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

	// --- power ---

	/**
	 * Reboots the router: every session ends (no {@code listen} reply reaches anyone,
	 * every API connection drops), interface counters restart at 0 and so does the uptime
	 * in {@code /system/resource}. For {@link Builder#rebootDelay} the router refuses
	 * connections; then it accepts again on the same port. With background churn or
	 * traffic on, the subscribers that were online redial within a minute of the boot.
	 */
	public void reboot() {
		this.power.reboot();
	}

	/** False while a reboot is in progress. */
	public boolean isUp() {
		return this.power.isUp();
	}

	/** How many times a loaded backup has rebooted this router. */
	public int reboots() {
		return this.power.backupReboots();
	}

	// --- settable load (alerts tests) ---

	/** How long since the (last) boot, as {@code /system/resource} reports it. */
	public Duration uptime() {
		return this.router.uptime();
	}

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

	// --- files and backups ---

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

	/** The names of the files on the router's disk. */
	public List<String> fileNames() {
		return this.router.files().names().stream().map(RawText::toText).toList();
	}

	/**
	 * A {@code .backup} file of the current configuration, as {@code /system/backup/save}
	 * would write it.
	 */
	public byte[] backupImage(@Nullable String password) {
		return this.ppp.backupImage(password);
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

	@Override
	public void close() {
		this.power.close(this.ftp::close);
	}

	/**
	 * Configures a simulator; every setting has a sensible default (7.16, port 0, admin
	 * with an empty password). The settings are in {@link SimulatorSettings}.
	 */
	public static final class Builder extends SimulatorSettings {

		private Builder() {
		}

		public RouterOsSimulator start() {
			return SimulatorAssembly.start(this);
		}

	}

}
