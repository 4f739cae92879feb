package io.towerline.mikrotik.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@link SimulatorMain}, parsed onto a simulator builder. Unlike the
 * builder's test defaults, the command line starts a living router: 100 secrets, 30 %
 * online, traffic on the daily curve.
 */
final class SimulatorOptions {

	static final String USAGE = """
			usage: java -jar mikrotik-adapter.jar [options]
			  --port 8728             API port; 0 = any free port (first port with --routers)
			  --bind 127.0.0.1        address to listen on
			  --version 7.16          RouterOS to impersonate: 6.49, 7.16 or 7.19
			  --routers 1             number of routers, on consecutive ports from --port
			  --secrets 100           PPP secrets seeded per router (sub00001, sub00002, ...)
			  --online 0.3            share of secrets online at start, 0..1 or a percentage (30%)
			  --churn 0               logouts per online session per hour (0.05 = 5 %/h); logins
			                          keep the online share around --online
			  --traffic daily         daily: counters of every session move along a daily curve
			                          (evening peak, night trough, some heavy users); off: still
			  --counter-bits 64       interface counter width; 32 wraps at 2^32 as RouterOS 6 does
			                          (default: 32 for 6.49, 64 for 7.x)
			  --seed N                seed for churn and traffic, for reproducible runs
			  --reboot-every 6h       reboot every interval (s, m, h, d suffixes); default never
			  --reboot-delay 20s      how long a reboot refuses connections (default 0)
			  --tick 1s               how often churn and traffic advance
			  --user admin --password ''  API login
			  --identity NAME         /system/identity name
			  --latency-ms 0          delay before every reply
			  --legacy-login          answer logins with the pre-6.43 challenge
			While running, type a command on standard input:
			  reboot [N]              reboot router N (1-based; default all)
			  connect NAME [N] | disconnect NAME [N]   bring a subscriber online or offline on router N
			                          (1-based; default 1)
			  traffic NAME RX TX [N]  add RX bytes upload, TX bytes download to NAME's counters (router N)
			  online                  online sessions of all routers together
			  status                  online sessions per router
			  quit""";

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

	private final List<Consumer<RouterOsSimulator.Builder>> settings = new ArrayList<>();

	private String identity = "MikroTik";

	private String user = "admin";

	private String password = "";

	private int routers = 1;

	private int port = 8728;

	private int secrets = 100;

	private double online = 0.3;

	private boolean traffic = true;

	private Duration rebootEvery = Duration.ZERO;

	private boolean help;

	/**
	 * @throws IllegalArgumentException with the reason when an option or value is wrong
	 */
	static SimulatorOptions parse(String... args) {
		SimulatorOptions options = new SimulatorOptions();
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--help") || option.equals("-h")) {
				options.help = true;
				continue;
			}
			if (option.equals("--legacy-login")) {
				options.settings.add((builder) -> builder.legacyLogin(true));
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			options.apply(option, args[++i]);
		}
		return options;
	}

	private void apply(String option, String value) {
		switch (option) {
			case "--port" -> this.port = Integer.parseInt(value);
			case "--bind" -> {
				InetAddress address = address(value);
				this.settings.add((builder) -> builder.bindAddress(address));
			}
			case "--version" -> {
				SimulatorVersion version = SimulatorVersion.parse(value);
				this.settings.add((builder) -> builder.version(version));
			}
			case "--routers" -> this.routers = positive(option, Integer.parseInt(value));
			case "--secrets" -> this.secrets = Integer.parseInt(value);
			case "--online" -> this.online = share(value);
			case "--churn" -> {
				double churn = Double.parseDouble(value);
				if (churn < 0) {
					throw new IllegalArgumentException("--churn cannot be negative");
				}
				this.settings.add((builder) -> builder.churn(churn));
			}
			case "--traffic" -> this.traffic = switch (value.toLowerCase(Locale.ROOT)) {
				case "daily", "on" -> true;
				case "off", "none" -> false;
				default -> throw new IllegalArgumentException("--traffic is daily or off, not " + value);
			};
			case "--counter-bits" -> {
				int bits = RouterSettings.checkCounterBits(Integer.parseInt(value));
				this.settings.add((builder) -> builder.counterBits(bits));
			}
			case "--seed" -> {
				long seed = Long.parseLong(value);
				this.settings.add((builder) -> builder.seed(seed));
			}
			case "--reboot-every" -> this.rebootEvery = duration(value);
			case "--reboot-delay" -> {
				Duration delay = duration(value);
				this.settings.add((builder) -> builder.rebootDelay(delay));
			}
			case "--tick" -> {
				Duration tick = positive(option, duration(value));
				this.settings.add((builder) -> builder.tick(tick));
			}
			case "--user" -> this.user = value;
			case "--password" -> this.password = value;
			case "--identity" -> this.identity = value;
			case "--latency-ms" -> {
				Duration latency = Duration.ofMillis(Long.parseLong(value));
				this.settings.add((builder) -> builder.latency(latency));
			}
			default -> throw new IllegalArgumentException("unknown option " + option);
		}
	}

	/**
	 * Applies every option to one router's builder; with several routers, each keeps the
	 * fleet's identity ({@code sim-0001}, ...) unless {@code --identity} is given.
	 */
	void configure(RouterOsSimulator.Builder builder, boolean fleet) {
		if (!fleet || !this.identity.equals("MikroTik")) {
			builder.identity(this.identity);
		}
		builder.secrets(this.secrets).onlineShare(this.online).traffic(this.traffic).user(this.user, this.password);
		this.settings.forEach((setting) -> setting.accept(builder));
	}

	boolean help() {
		return this.help;
	}

	int routers() {
		return this.routers;
	}

	int port() {
		return this.port;
	}

	String user() {
		return this.user;
	}

	/** Zero: never. */
	Duration rebootEvery() {
		return this.rebootEvery;
	}

	/** {@code 0.3} or {@code 30%}. */
	static double share(String value) {
		double share = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
				: Double.parseDouble(value);
		if (share < 0 || share > 1) {
			throw new IllegalArgumentException("--online is a share from 0 to 1 (or 0% to 100%), not " + value);
		}
		return share;
	}

	/**
	 * {@code 90} (seconds), {@code 500ms}, {@code 90s}, {@code 30m}, {@code 6h},
	 * {@code 1d}.
	 */
	static Duration duration(String value) {
		Matcher matcher = DURATION.matcher(value.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a duration: " + value + " (use e.g. 500ms, 90s, 30m, 6h, 1d)");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			default -> Duration.ofSeconds(amount);
		};
	}

	private static InetAddress address(String value) {
		try {
			return InetAddress.getByName(value);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("unknown address " + value, ex);
		}
	}

	private static int positive(String option, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(option + " must be at least 1");
		}
		return value;
	}

	private static Duration positive(String option, Duration value) {
		if (value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(option + " must be longer than 0");
		}
		return value;
	}

}
