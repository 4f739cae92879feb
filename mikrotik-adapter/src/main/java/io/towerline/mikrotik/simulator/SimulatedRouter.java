package io.towerline.mikrotik.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * The state of one simulated router, shared by all its API sessions: PPP secrets,
 * profiles and active sessions, interfaces, files and identity, plus the command table
 * that serves them.
 */
final class SimulatedRouter {

	static final List<String> PLANS = List.of("plan-10M", "plan-20M", "plan-50M");

	private final SimulatorVersion version;

	private final ItemTable profiles;

	private final ItemTable pools = new ItemTable();

	private final ItemTable secrets;

	private final PppSessions sessions;

	private final FileStore files;

	private final CommandTable commands = new CommandTable();

	private final LiveStreams liveStreams = new LiveStreams();

	private volatile String identity;

	private final Clock clock;

	/** Draws each new session's background traffic profile; null when traffic is off. */
	private final @Nullable Random trafficProfiles;

	/** Boot time on the {@link System#nanoTime()} scale. */
	private volatile long bootNanos;

	private volatile int counterBits;

	/**
	 * @param settings version, identity, monitor interval, counter width, clock
	 * @param trafficProfiles draws background traffic profiles; null for a quiet router
	 */
	SimulatedRouter(RouterSettings settings, @Nullable Random trafficProfiles) {
		this.version = settings.version();
		this.profiles = new ItemTable(this.version.deadFlag());
		this.secrets = new ItemTable(this.version.deadFlag());
		this.identity = RawText.fromText(settings.identity());
		this.clock = settings.clock();
		this.trafficProfiles = trafficProfiles;
		this.counterBits = settings.counterBits();
		// a router found running has been up a while
		this.bootNanos = System.nanoTime() - Duration.ofDays(3).toNanos();
		SimulatorVersion version = this.version;
		Duration monitorInterval = settings.monitorInterval();
		this.sessions = new PppSessions(new ItemTable(version.deadFlag()), this.secrets, version, this.clock,
				monitorInterval);
		this.files = new FileStore(version);
		PppProfileRules profileRules = new PppProfileRules();
		new TableMenu("/ppp/profile", this.profiles, profileRules).registerAll(this.commands);
		new TableMenu("/ip/pool", this.pools, new IpPoolRules()).registerAll(this.commands);
		new TableMenu("/ppp/secret", this.secrets, new PppSecretRules(this.profiles, version))
			.registerAll(this.commands);
		TableMenu active = new TableMenu("/ppp/active", this.sessions.table(), this.sessions);
		active.registerReadOnly(this.commands);
		active.registerRemove(this.commands);
		new InterfaceMenu(this, monitorInterval).register(this.commands);
		new SystemMenu(version, this).register(this.commands);
		this.files.register(this.commands);
		seedProfiles();
		this.pools.add(
				new IpPoolRules().create(Map.of("name", "pool-subscribers", "ranges", "10.64.0.2-10.127.255.254")),
				(candidate) -> null);
	}

	private void seedProfiles() {
		addBuiltInProfile("default", "default");
		addBuiltInProfile("default-encryption", "yes");
		int megabits = 10;
		for (String plan : PLANS) {
			Map<String, String> profile = new LinkedHashMap<>();
			profile.put("name", plan);
			profile.put("local-address", "10.0.0.1");
			profile.put("remote-address", "pool-subscribers");
			profile.put("rate-limit", megabits + "M/" + megabits + "M");
			profile.put("only-one", "yes");
			this.profiles.add(new PppProfileRules().create(profile), (candidate) -> null);
			megabits = (megabits == 10) ? 20 : 50;
		}
	}

	private void addBuiltInProfile(String name, String encryption) {
		Map<String, String> profile = new PppProfileRules().create(Map.of("name", name, "use-encryption", encryption));
		profile.put("default", "true");
		this.profiles.add(profile, (candidate) -> null);
	}

	/**
	 * Seeds {@code count} secrets {@code sub00001...} spread over the plans, and brings a
	 * share of them online.
	 */
	void seedSecrets(int count, double onlineShare) {
		PppSecretRules rules = new PppSecretRules(this.profiles, this.version);
		int online = (int) Math.round(count * onlineShare);
		for (int i = 1; i <= count; i++) {
			String name = String.format(Locale.ROOT, "sub%05d", i);
			Map<String, String> requested = new LinkedHashMap<>();
			requested.put("name", name);
			requested.put("service", "pppoe");
			requested.put("password", "pw-" + Integer.toHexString(name.hashCode() & 0xFFFFFF));
			requested.put("profile", PLANS.get(i % PLANS.size()));
			requested.put("comment", "customer " + (1000 + i));
			this.secrets.add(rules.create(requested), (candidate) -> null);
			if (i <= online) {
				connect(name);
			}
		}
	}

	/** Dials a subscriber in, with a traffic profile when background traffic is on. */
	@Nullable String connect(String name) {
		return this.sessions.connect(name, this.trafficProfiles);
	}

	/**
	 * Restarts the router's state: sessions end, counters restart at 0, uptime restarts.
	 * @return who was online before
	 */
	List<String> reboot() {
		List<String> wasOnline = this.sessions.reset();
		this.bootNanos = System.nanoTime();
		return wasOnline;
	}

	Duration uptime() {
		Duration override = this.uptimeOverride;
		return (override != null) ? override : Duration.ofNanos(System.nanoTime() - this.bootNanos);
	}

	Clock clock() {
		return this.clock;
	}

	/** Width of the interface counters: 32 (wrapping at 2^32, as old RouterOS) or 64. */
	int counterBits() {
		return this.counterBits;
	}

	void counterBits(int bits) {
		this.counterBits = RouterSettings.checkCounterBits(bits);
	}

	LiveStreams liveStreams() {
		return this.liveStreams;
	}
	// --- settable load (alerts tests): null means the simulator's own figures ---

	private volatile @Nullable Integer cpuLoad;

	private volatile @Nullable Long freeMemory;

	@Nullable Integer cpuLoad() {
		return this.cpuLoad;
	}

	void cpuLoad(@Nullable Integer percent) {
		this.cpuLoad = percent;
	}

	@Nullable Long freeMemory() {
		return this.freeMemory;
	}

	void freeMemory(@Nullable Long bytes) {
		this.freeMemory = bytes;
	}

	/** Set by tests to show a given uptime; null: the time since the last (re)boot. */
	private volatile @Nullable Duration uptimeOverride;

	void uptime(@Nullable Duration uptime) {
		this.uptimeOverride = uptime;
	}

	// --- end of settable load ---

	CommandTable commands() {
		return this.commands;
	}

	SimulatorVersion version() {
		return this.version;
	}

	/** The raw identity, as {@code /system/identity/print} sends it. */
	String identity() {
		return this.identity;
	}

	void identity(String rawName) {
		this.identity = rawName;
	}

	ItemTable secrets() {
		return this.secrets;
	}

	ItemTable pools() {
		return this.pools;
	}

	ItemTable profiles() {
		return this.profiles;
	}

	PppSessions sessions() {
		return this.sessions;
	}

	FileStore files() {
		return this.files;
	}

	/**
	 * The {@code /export} script: header with the version's date format, then the PPP
	 * configuration.
	 */
	String exportScript(boolean showSensitive) {
		StringBuilder script = new StringBuilder();
		script.append("# ")
			.append(this.version.formatDate(LocalDateTime.now()))
			.append(" by RouterOS ")
			.append(this.version.number())
			.append("\r\n# software id = 7QBZ-9XKD\r\n#\r\n/ppp profile\r\n");
		for (Map<String, String> profile : this.profiles.snapshot()) {
			if (!"true".equals(profile.get("default"))) {
				script.append("add name=").append(profile.get("name"));
				if (profile.containsKey("rate-limit")) {
					script.append(" rate-limit=").append(profile.get("rate-limit"));
				}
				script.append("\r\n");
			}
		}
		script.append("/ppp secret\r\n");
		for (Map<String, String> secret : this.secrets.snapshot()) {
			script.append("add name=").append(quote(secret.get("name")));
			if (showSensitive) {
				script.append(" password=").append(quote(secret.get("password")));
			}
			script.append(" profile=").append(secret.get("profile")).append(" service=").append(secret.get("service"));
			script.append("\r\n");
		}
		script.append("/system identity\r\nset name=").append(quote(this.identity)).append("\r\n");
		return script.toString();
	}

	private static String quote(String raw) {
		return raw.matches("[A-Za-z0-9._-]+") ? raw : "\""
				+ raw.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"";
	}

}
