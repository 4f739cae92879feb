package io.towerline.mikrotik.simulator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Online PPPoE sessions: the {@code /ppp/active} table (which, like RouterOS 7, carries
 * no byte counters) and, per session, a dynamic {@code <pppoe-NAME>} interface whose
 * counters grow with time at a per-subscriber rate.
 */
final class PppSessions implements MenuRules {

	/**
	 * Per session: when it came up and how fast it moves bytes (rx = client upload, tx =
	 * client download).
	 */
	record Traffic(String interfaceId, long upNanos, LocalDateTime upAt, long rxBytesPerSecond, long txBytesPerSecond) {

		long rxBytes(long now) {
			return this.rxBytesPerSecond * (now - this.upNanos) / 1_000_000_000L;
		}

		long txBytes(long now) {
			return this.txBytesPerSecond * (now - this.upNanos) / 1_000_000_000L;
		}

	}

	private final ItemTable active;

	private final ItemTable secrets;

	private final SimulatorVersion version;

	private final Map<String, Traffic> traffic = new ConcurrentHashMap<>();

	private final AtomicInteger nextInterface = new AtomicInteger(0xF00000);

	PppSessions(ItemTable active, ItemTable secrets, SimulatorVersion version) {
		this.active = active;
		this.secrets = secrets;
		this.version = version;
	}

	ItemTable table() {
		return this.active;
	}

	/** Brings a subscriber online, as if its PPPoE client had just dialled in. */
	@Nullable String connect(String name) {
		if (this.secrets.resolve(name) == null || this.traffic.containsKey(name)) {
			return null;
		}
		int seed = Math.abs(name.hashCode());
		String mac = String.format(Locale.ROOT, "02:00:%02X:%02X:%02X:%02X", (seed >> 24) & 0xFF, (seed >> 16) & 0xFF,
				(seed >> 8) & 0xFF, seed & 0xFF);
		Map<String, String> session = new LinkedHashMap<>();
		session.put("name", name);
		session.put("service", "pppoe");
		session.put("caller-id", mac);
		session.put("address", "10." + ((seed >> 16) & 0xFF) + "." + ((seed >> 8) & 0xFF) + "." + (seed & 0xFD | 2));
		session.put("uptime", "0s");
		session.put("encoding", "");
		session.put("session-id", "0x" + Integer.toHexString(0x81000000 | (seed & 0xFFFFFF)).toUpperCase(Locale.ROOT));
		session.put("limit-bytes-in", "0");
		session.put("limit-bytes-out", "0");
		session.put("radius", "false");
		long rx = 20_000 + (seed % 400_000);
		long tx = 100_000 + (seed % 2_000_000);
		String interfaceId = "*" + Integer.toHexString(this.nextInterface.getAndIncrement()).toUpperCase(Locale.ROOT);
		this.traffic.put(name, new Traffic(interfaceId, System.nanoTime(), LocalDateTime.now(), rx, tx));
		String id = this.active.add(session, (candidate) -> null);
		this.secrets.update(this.secrets.resolve(name), Map.of("last-caller-id", mac), (candidate) -> null);
		return id;
	}

	/**
	 * Ends a session as a PPPoE client hanging up (or an admin kick, when called from
	 * {@code remove}).
	 */
	boolean disconnect(String name, String reason) {
		String id = this.active.snapshot()
			.stream()
			.filter((session) -> name.equals(session.get("name")))
			.map((session) -> session.get(".id"))
			.findFirst()
			.orElse(null);
		if (id == null) {
			return false;
		}
		this.active.remove(id);
		ended(name, reason);
		return true;
	}

	@Override
	public void removed(Map<String, String> item) {
		ended(item.get("name"), "admin-disconnect");
	}

	private void ended(String name, String reason) {
		this.traffic.remove(name);
		String secretId = this.secrets.resolve(name);
		if (secretId != null) {
			this.secrets.update(secretId, Map.of("last-logged-out", this.version.formatDate(LocalDateTime.now()),
					"last-disconnect-reason", reason), (candidate) -> null);
		}
	}

	@Override
	public Map<String, String> view(Map<String, String> stored) {
		Traffic session = this.traffic.get(stored.get("name"));
		if (session == null || !stored.containsKey("uptime")) {
			return stored;
		}
		Map<String, String> view = new LinkedHashMap<>(stored);
		view.put("uptime", Uptime.format(Duration.ofNanos(System.nanoTime() - session.upNanos())));
		return view;
	}

	/**
	 * The dynamic {@code <pppoe-NAME>} interfaces, counters computed for this instant.
	 */
	List<Map<String, String>> interfaces() {
		long now = System.nanoTime();
		List<Map<String, String>> interfaces = new ArrayList<>();
		this.traffic.forEach((name, session) -> {
			Map<String, String> item = new LinkedHashMap<>();
			item.put(".id", session.interfaceId());
			item.put("name", "<pppoe-" + name + ">");
			item.put("type", "pppoe-in");
			item.put("mtu", "1480");
			item.put("actual-mtu", "1480");
			item.put("last-link-up-time", this.version.formatDate(session.upAt()));
			item.put("link-downs", "0");
			item.put("rx-byte", Long.toString(session.rxBytes(now)));
			item.put("tx-byte", Long.toString(session.txBytes(now)));
			item.put("rx-packet", Long.toString(session.rxBytes(now) / 600));
			item.put("tx-packet", Long.toString(session.txBytes(now) / 1200));
			item.put("running", "true");
			item.put("disabled", "false");
			item.put("dynamic", "true");
			interfaces.add(item);
		});
		return interfaces;
	}

	@Nullable Traffic traffic(String name) {
		return this.traffic.get(name);
	}

	Map<String, Traffic> allTraffic() {
		return this.traffic;
	}

}
