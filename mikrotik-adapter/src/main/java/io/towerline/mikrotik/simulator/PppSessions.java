package io.towerline.mikrotik.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Online PPPoE sessions: the {@code /ppp/active} table (which, like RouterOS 7, carries
 * no byte counters) and, per session, a dynamic {@code <pppoe-NAME>} interface whose
 * counters move only when traffic is added, by hand ({@code addTraffic}) or by the
 * background traffic model. The ether1 uplink counts the sum of all subscriber traffic,
 * mirrored (what subscribers download, ether1 received).
 */
final class PppSessions implements MenuRules {

	private final ItemTable active;

	private final ItemTable secrets;

	private final SimulatorVersion version;

	private final Clock clock;

	private final long meterWindowNanos;

	private final Map<String, OnlineSession> online = new ConcurrentHashMap<>();

	/** The same sessions as {@link #online}, for random picks; guarded by this. */
	private final List<OnlineSession> onlineList = new ArrayList<>();

	private final Map<String, TrafficCounters> totals = new ConcurrentHashMap<>();

	private volatile TrafficMeter uplink;

	/** Sessions since boot: numbers addresses, session ids and interface ids. */
	private int nextSession = 1;

	PppSessions(ItemTable active, ItemTable secrets, SimulatorVersion version, Clock clock, Duration meterWindow) {
		this.active = active;
		this.secrets = secrets;
		this.version = version;
		this.clock = clock;
		this.meterWindowNanos = meterWindow.toNanos();
		this.uplink = new TrafficMeter(this.meterWindowNanos, System.nanoTime());
	}

	ItemTable table() {
		return this.active;
	}

	/**
	 * Brings a subscriber online, as if its PPPoE client had just dialled in: the
	 * {@code /ppp/active} entry and the {@code <pppoe-NAME>} interface (counters at 0)
	 * appear. A subscriber without a secret, with a disabled secret, or already online
	 * cannot dial in.
	 * @param profile the background traffic profile, or null for a quiet subscriber
	 * @return the {@code /ppp/active} {@code .id}, or null when refused
	 */
	synchronized @Nullable String connect(String name, @Nullable Random profile) {
		if (this.online.containsKey(name)) {
			return null;
		}
		String secretId = this.secrets.resolve(name);
		Map<String, String> secret = (secretId != null) ? this.secrets.byName(name).orElse(null) : null;
		if (secret == null || "true".equals(secret.get("disabled"))) {
			return null;
		}
		float download = 0;
		float uploadShare = 0;
		if (profile != null) {
			download = DailyTraffic.peakDownloadBytesPerSecond(profile, secret.get("profile"));
			uploadShare = DailyTraffic.uploadShare(profile);
		}
		long now = System.nanoTime();
		OnlineSession session = new OnlineSession(name, this.nextSession++, now, this.clock.instant().getEpochSecond(),
				new TrafficMeter(this.meterWindowNanos, now), download, uploadShare);
		this.online.put(name, session);
		session.index = this.onlineList.size();
		this.onlineList.add(session);
		Map<String, String> stored = new LinkedHashMap<>(4);
		stored.put("name", name);
		String id = this.active.add(stored, (candidate) -> null);
		session.activeId(id);
		this.secrets.update(secretId, Map.of("last-caller-id", session.callerId()), (candidate) -> null);
		return id;
	}

	/**
	 * Ends a session as a PPPoE client hanging up (or an admin kick, when called from
	 * {@code remove}).
	 */
	boolean disconnect(String name, String reason) {
		OnlineSession session;
		synchronized (this) {
			session = forget(name);
			if (session == null) {
				return false;
			}
			this.active.remove(session.activeId());
		}
		ended(name, reason);
		return true;
	}

	@Override
	public void removed(Map<String, String> item) {
		String name = item.get("name");
		synchronized (this) {
			if (forget(name) == null) {
				return;
			}
		}
		ended(name, "admin-disconnect");
	}

	/**
	 * A reboot: every session ends without a word to its secret (the router is gone), and
	 * all counters, ether1's included, restart at 0.
	 * @return who was online
	 */
	synchronized List<String> reset() {
		List<String> wasOnline = new ArrayList<>(this.online.keySet());
		for (OnlineSession session : List.copyOf(this.onlineList)) {
			forget(session.name());
			this.active.remove(session.activeId());
		}
		this.uplink = new TrafficMeter(this.meterWindowNanos, System.nanoTime());
		this.nextSession = 1;
		return wasOnline;
	}

	/** Removes from the indexes; caller holds the lock. */
	private @Nullable OnlineSession forget(String name) {
		OnlineSession session = this.online.remove(name);
		if (session == null) {
			return null;
		}
		OnlineSession last = this.onlineList.remove(this.onlineList.size() - 1);
		if (last != session) {
			this.onlineList.set(session.index, last);
			last.index = session.index;
		}
		return session;
	}

	private void ended(String name, String reason) {
		String secretId = this.secrets.resolve(name);
		if (secretId != null) {
			this.secrets.update(secretId, Map.of("last-logged-out",
					this.version.formatDate(LocalDateTime.now(this.clock)), "last-disconnect-reason", reason),
					(candidate) -> null);
		}
	}

	/**
	 * Moves the counters of a subscriber's {@code <pppoe-NAME>} interface and of the
	 * uplink.
	 * @return false when the subscriber is not online
	 */
	boolean addTraffic(String name, long rxBytes, long txBytes, long rxPackets, long txPackets) {
		if (rxBytes < 0 || txBytes < 0 || rxPackets < 0 || txPackets < 0) {
			throw new IllegalArgumentException("counters only grow");
		}
		OnlineSession session = this.online.get(name);
		if (session == null) {
			return false;
		}
		addTraffic(session, rxBytes, txBytes, rxPackets, txPackets);
		return true;
	}

	void addTraffic(OnlineSession session, long rxBytes, long txBytes, long rxPackets, long txPackets) {
		long now = System.nanoTime();
		session.meter().add(rxBytes, txBytes, rxPackets, txPackets, now);
		// ether1 receives from upstream what subscribers download, and sends what they
		// upload
		this.uplink.add(txBytes, rxBytes, txPackets, rxPackets, now);
		this.totals.merge(session.name(), new TrafficCounters(rxBytes, txBytes, rxPackets, txPackets),
				TrafficCounters::plus);
	}

	/**
	 * Everything a subscriber has moved since the simulator started, across sessions and
	 * reboots, never wrapped.
	 */
	TrafficCounters totalTraffic(String name) {
		return this.totals.getOrDefault(name, TrafficCounters.ZERO);
	}

	@Override
	public Map<String, String> view(Map<String, String> stored) {
		OnlineSession session = this.online.get(stored.get("name"));
		if (session == null || !stored.containsKey(".id")) {
			return stored;
		}
		Map<String, String> view = new LinkedHashMap<>();
		view.put(".id", stored.get(".id"));
		view.put("name", session.name());
		view.put("service", "pppoe");
		view.put("caller-id", session.callerId());
		view.put("address", session.address());
		view.put("uptime", Uptime.format(Duration.ofNanos(System.nanoTime() - session.upNanos())));
		view.put("encoding", "");
		view.put("session-id", session.sessionId());
		view.put("limit-bytes-in", "0");
		view.put("limit-bytes-out", "0");
		view.put("radius", "false");
		return view;
	}

	/**
	 * The dynamic {@code <pppoe-NAME>} interfaces, counters as a register of
	 * {@code counterBits} shows them.
	 */
	List<Map<String, String>> interfaces(int counterBits) {
		List<Map<String, String>> interfaces = new ArrayList<>(this.online.size());
		for (OnlineSession session : this.online.values()) {
			TrafficCounters counters = session.meter().counters().wrapped(counterBits);
			Map<String, String> item = new LinkedHashMap<>();
			item.put(".id", session.interfaceId());
			item.put("name", interfaceName(session.name()));
			item.put("type", "pppoe-in");
			item.put("mtu", "1480");
			item.put("actual-mtu", "1480");
			item.put("last-link-up-time", this.version
				.formatDate(LocalDateTime.ofInstant(Instant.ofEpochSecond(session.upAtEpochSecond()), zone())));
			item.put("link-downs", "0");
			item.put("rx-byte", Long.toString(counters.rxBytes()));
			item.put("tx-byte", Long.toString(counters.txBytes()));
			item.put("rx-packet", Long.toString(counters.rxPackets()));
			item.put("tx-packet", Long.toString(counters.txPackets()));
			item.put("running", "true");
			item.put("disabled", "false");
			item.put("dynamic", "true");
			interfaces.add(item);
		}
		return interfaces;
	}

	private ZoneId zone() {
		return this.clock.getZone();
	}

	@Nullable OnlineSession session(String name) {
		return this.online.get(name);
	}

	/** The session whose interface is {@code <pppoe-NAME>}, or null. */
	@Nullable OnlineSession byInterface(String interfaceName) {
		if (interfaceName.startsWith("<pppoe-") && interfaceName.endsWith(">")) {
			return this.online.get(interfaceName.substring(7, interfaceName.length() - 1));
		}
		return null;
	}

	TrafficMeter uplink() {
		return this.uplink;
	}

	int onlineCount() {
		return this.online.size();
	}

	/** A random online session, or null when nobody is online. */
	synchronized @Nullable OnlineSession pick(Random random) {
		return this.onlineList.isEmpty() ? null : this.onlineList.get(random.nextInt(this.onlineList.size()));
	}

	/** A snapshot of the online sessions, for the background traffic tick. */
	synchronized OnlineSession[] sessions() {
		return this.onlineList.toArray(new OnlineSession[0]);
	}

	List<String> onlineNames() {
		return this.active.snapshot().stream().map((item) -> item.get("name")).toList();
	}

	/** The name RouterOS gives a PPPoE server session's interface. */
	static String interfaceName(String name) {
		return "<pppoe-" + name + ">";
	}

}
