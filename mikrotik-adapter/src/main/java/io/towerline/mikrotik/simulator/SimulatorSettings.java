package io.towerline.mikrotik.simulator;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * The settings of {@link RouterOsSimulator.Builder}, kept apart from the start-up that
 * reads them; every setting has a sensible default (7.16, port 0, admin with an empty
 * password).
 */
abstract sealed class SimulatorSettings permits RouterOsSimulator.Builder {

	SimulatorVersion version = SimulatorVersion.V7_16;

	int port;

	InetAddress address = InetAddress.getLoopbackAddress();

	int secrets;

	double onlineShare;

	final Map<String, String> users = new LinkedHashMap<>();

	boolean legacyLogin;

	String identity = "MikroTik";

	Duration monitorInterval = Duration.ofSeconds(1);

	Duration latency = Duration.ZERO;

	boolean record = true;

	@Nullable SSLContext tls;

	@Nullable Integer counterBits;

	Duration rebootDelay = Duration.ZERO;

	double churnPerHour;

	boolean dailyTraffic;

	Duration tick = Duration.ofSeconds(1);

	long seed = System.nanoTime();

	long seedOffset;

	Clock clock = Clock.systemDefaultZone();

	@Nullable Boolean ftp;

	/**
	 * Whether the FTP service listens, enabled (default: on RouterOS 6 only, which needs
	 * it for big files; false shows it disabled, as an administrator may have).
	 */
	public RouterOsSimulator.Builder ftp(boolean enabled) {
		this.ftp = enabled;
		return self();
	}

	public RouterOsSimulator.Builder version(SimulatorVersion version) {
		this.version = version;
		return self();
	}

	/** 0 picks a free port. */
	public RouterOsSimulator.Builder port(int port) {
		this.port = port;
		return self();
	}

	public RouterOsSimulator.Builder bindAddress(InetAddress address) {
		this.address = address;
		return self();
	}

	public RouterOsSimulator.Builder secrets(int secrets) {
		this.secrets = secrets;
		return self();
	}

	/** Share of the seeded secrets that are online, 0.0 to 1.0. */
	public RouterOsSimulator.Builder onlineShare(double onlineShare) {
		this.onlineShare = onlineShare;
		return self();
	}

	public RouterOsSimulator.Builder user(String name, String password) {
		this.users.put(RawText.fromText(name), RawText.fromText(password));
		return self();
	}

	/** Answers plain logins with a challenge, like RouterOS before 6.43. */
	public RouterOsSimulator.Builder legacyLogin(boolean legacyLogin) {
		this.legacyLogin = legacyLogin;
		return self();
	}

	public RouterOsSimulator.Builder identity(String identity) {
		this.identity = identity;
		return self();
	}

	/**
	 * How often a streaming {@code monitor-traffic} reports (RouterOS: every second). It
	 * is also the "second" rates are measured over: a sample reports the movement of one
	 * interval as if it took a second, so a test with 50 ms sees 20 times the bytes it
	 * added.
	 */
	public RouterOsSimulator.Builder monitorInterval(Duration monitorInterval) {
		this.monitorInterval = monitorInterval;
		return self();
	}

	public RouterOsSimulator.Builder latency(Duration latency) {
		this.latency = latency;
		return self();
	}

	/**
	 * Keep received sentences for {@link RouterOsSimulator#receivedCommands()} (on by
	 * default).
	 */
	public RouterOsSimulator.Builder recordCommands(boolean record) {
		this.record = record;
		return self();
	}

	/**
	 * Width of the interface counters: 32 (they wrap at 2^32, as on RouterOS 6) or 64.
	 * Default: 32 for 6.x versions, 64 for 7.x.
	 */
	public RouterOsSimulator.Builder counterBits(int bits) {
		this.counterBits = RouterSettings.checkCounterBits(bits);
		return self();
	}

	/**
	 * How long a {@link RouterOsSimulator#reboot()} refuses connections (default 0).
	 */
	public RouterOsSimulator.Builder rebootDelay(Duration rebootDelay) {
		this.rebootDelay = rebootDelay;
		return self();
	}

	/**
	 * Background logins and logouts: each online session ends at this rate per hour (0.05
	 * = 5 % an hour), and offline subscribers dial in at the rate that keeps the online
	 * share around {@link #onlineShare}. Default 0: nobody comes or goes by themselves.
	 */
	public RouterOsSimulator.Builder churn(double perSessionPerHour) {
		if (perSessionPerHour < 0) {
			throw new IllegalArgumentException("churn cannot be negative");
		}
		this.churnPerHour = perSessionPerHour;
		return self();
	}

	/**
	 * Background traffic: true moves every session's counters each tick along a
	 * residential daily curve (evening peak, night trough, a few heavy users); false (the
	 * default) leaves counters to {@link RouterOsSimulator#addTraffic}.
	 */
	public RouterOsSimulator.Builder traffic(boolean dailyPattern) {
		this.dailyTraffic = dailyPattern;
		return self();
	}

	/** How often background churn and traffic advance (default 1 s). */
	public RouterOsSimulator.Builder tick(Duration tick) {
		this.tick = tick;
		return self();
	}

	/** Seeds the background randomness (churn picks, traffic profiles, noise). */
	public RouterOsSimulator.Builder seed(long seed) {
		this.seed = seed;
		return self();
	}

	/** Fleet members share the configured seed but must not behave identically. */
	RouterOsSimulator.Builder seedOffset(long offset) {
		this.seedOffset = offset;
		return self();
	}

	/**
	 * Wall-clock time for dates and the hour on the daily traffic curve (default: the
	 * system clock).
	 */
	public RouterOsSimulator.Builder clock(Clock clock) {
		this.clock = clock;
		return self();
	}

	/** Serve API-SSL with this server context instead of plain API. */
	public RouterOsSimulator.Builder tls(SSLContext tls) {
		this.tls = tls;
		return self();
	}

	private RouterOsSimulator.Builder self() {
		return (RouterOsSimulator.Builder) this;
	}

}
