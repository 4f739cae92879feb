package io.towerline.mikrotik.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code /interface}: five Ethernet ports (ether1 is the uplink, carrying the sum of all
 * subscriber traffic) plus the dynamic PPPoE interfaces, and {@code monitor-traffic} both
 * {@code =once=} and streaming until {@code /cancel}. Rates come from the counters'
 * movement, never from a separate number: {@code once} reports the last complete window
 * of one nominal second (the monitor interval), a stream reports the movement since its
 * previous sample, per nominal second.
 */
final class InterfaceMenu {

	private static final int ETHERNET_PORTS = 5;

	private final SimulatedRouter router;

	private final long intervalNanos;

	InterfaceMenu(SimulatedRouter router, Duration monitorInterval) {
		this.router = router;
		this.intervalNanos = Math.max(1, monitorInterval.toNanos());
	}

	void register(CommandTable commands) {
		commands.register("/interface/print", (request, reply) -> TablePrinter.print(all(), request, reply));
		commands.register("/interface/monitor-traffic", this::monitorTraffic);
	}

	List<Map<String, String>> all() {
		int bits = this.router.counterBits();
		List<Map<String, String>> interfaces = new ArrayList<>();
		for (int port = 1; port <= ETHERNET_PORTS; port++) {
			TrafficCounters counters = ethernet(port).wrapped(bits);
			Map<String, String> item = new LinkedHashMap<>();
			item.put(".id", "*" + port);
			item.put("name", "ether" + port);
			item.put("type", "ether");
			item.put("mtu", "1500");
			item.put("actual-mtu", "1500");
			item.put("mac-address", "48:8F:5A:00:00:0" + port);
			item.put("link-downs", "0");
			item.put("rx-byte", Long.toString(counters.rxBytes()));
			item.put("tx-byte", Long.toString(counters.txBytes()));
			item.put("rx-packet", Long.toString(counters.rxPackets()));
			item.put("tx-packet", Long.toString(counters.txPackets()));
			item.put("running", Boolean.toString(port <= 3));
			item.put("disabled", "false");
			item.put("dynamic", "false");
			interfaces.add(item);
		}
		interfaces.addAll(this.router.sessions().interfaces(bits));
		return interfaces;
	}

	/**
	 * Ethernet counters since boot: a trickle of management traffic, plus on ether1 all
	 * subscriber traffic.
	 */
	private TrafficCounters ethernet(int port) {
		long seconds = this.router.uptime().toSeconds();
		TrafficCounters trickle = new TrafficCounters(seconds * 100L * port, seconds * 50L * port, seconds * 3,
				seconds * 2);
		return (port == 1) ? trickle.plus(this.router.sessions().uplink().counters()) : trickle;
	}

	/** Full-width counters of an interface, or null when it does not exist (now). */
	private @Nullable TrafficCounters counters(String name) {
		int port = ethernetPort(name);
		if (port > 0) {
			return ethernet(port);
		}
		OnlineSession session = this.router.sessions().byInterface(name);
		return (session != null) ? session.meter().counters() : null;
	}

	/** What moved in the last complete nominal second. */
	private TrafficCounters lastWindow(String name, long now) {
		int port = ethernetPort(name);
		if (port > 0) {
			TrafficCounters trickle = new TrafficCounters(inWindow(100L * port), inWindow(50L * port), inWindow(3),
					inWindow(2));
			return (port == 1) ? trickle.plus(this.router.sessions().uplink().lastWindow(now)) : trickle;
		}
		OnlineSession session = this.router.sessions().byInterface(name);
		return (session != null) ? session.meter().lastWindow(now) : TrafficCounters.ZERO;
	}

	/** What a steady per-second amount comes to in one window. */
	private long inWindow(long perSecond) {
		return perSecond * this.intervalNanos / 1_000_000_000L;
	}

	private static int ethernetPort(String name) {
		if (name.startsWith("ether") && name.length() == 6) {
			int port = name.charAt(5) - '0';
			return (port >= 1 && port <= ETHERNET_PORTS) ? port : 0;
		}
		return 0;
	}

	private void monitorTraffic(ApiRequest request, ReplyChannel reply) throws InterruptedException {
		String names = request.attribute("interface");
		if (names == null || names.isEmpty()) {
			reply.fail(1, "missing value(s) of argument(s) interface");
			return;
		}
		List<String> wanted = List.of(names.split(","));
		for (String name : wanted) {
			if (!name.equals("aggregate") && counters(name) == null) {
				reply.fail(1, "input does not match any value of interface");
				return;
			}
		}
		long now = System.nanoTime();
		Map<String, TrafficCounters> previous = new HashMap<>();
		for (String name : wanted) {
			reply.row(TablePrinter.select(sample(name, rates(wanted, name, now)), request.proplist()),
					!request.has("once"));
			previous.put(name, current(wanted, name));
		}
		if (!request.has("once")) {
			reply.live();
		}
		while (!request.has("once") && !reply.finished()) {
			Thread.sleep(Duration.ofNanos(this.intervalNanos));
			for (String name : wanted) {
				TrafficCounters current = current(wanted, name);
				TrafficCounters moved = movement(previous.get(name), current);
				previous.put(name, current);
				reply.row(TablePrinter.select(sample(name, moved), request.proplist()), true);
			}
		}
		reply.done();
	}

	/** {@code aggregate} is the sum of the other interfaces asked for. */
	private TrafficCounters current(List<String> wanted, String name) {
		if (!name.equals("aggregate")) {
			TrafficCounters counters = counters(name);
			return (counters != null) ? counters : TrafficCounters.ZERO;
		}
		TrafficCounters sum = TrafficCounters.ZERO;
		for (String other : wanted) {
			if (!other.equals("aggregate")) {
				sum = sum.plus(current(wanted, other));
			}
		}
		return sum;
	}

	private TrafficCounters rates(List<String> wanted, String name, long now) {
		if (!name.equals("aggregate")) {
			return lastWindow(name, now);
		}
		TrafficCounters sum = TrafficCounters.ZERO;
		for (String other : wanted) {
			if (!other.equals("aggregate")) {
				sum = sum.plus(lastWindow(other, now));
			}
		}
		return sum;
	}

	/**
	 * Counters that went backwards belong to a new session (or a rebooted router): all
	 * they show moved since.
	 */
	private static TrafficCounters movement(@Nullable TrafficCounters before, TrafficCounters after) {
		if (before == null || after.rxBytes() < before.rxBytes() || after.txBytes() < before.txBytes()
				|| after.rxPackets() < before.rxPackets() || after.txPackets() < before.txPackets()) {
			return after;
		}
		return new TrafficCounters(after.rxBytes() - before.rxBytes(), after.txBytes() - before.txBytes(),
				after.rxPackets() - before.rxPackets(), after.txPackets() - before.txPackets());
	}

	/** One reading, the bytes and packets of one nominal second as rates. */
	private Map<String, String> sample(String name, TrafficCounters moved) {
		Map<String, String> sample = new LinkedHashMap<>();
		sample.put("name", name);
		sample.put("rx-packets-per-second", Long.toString(perSecond(moved.rxPackets())));
		sample.put("rx-bits-per-second", Long.toString(perSecond(moved.rxBytes() * 8)));
		sample.put("fp-rx-packets-per-second", "0");
		sample.put("fp-rx-bits-per-second", "0");
		sample.put("rx-drops-per-second", "0");
		sample.put("rx-errors-per-second", "0");
		sample.put("tx-packets-per-second", Long.toString(perSecond(moved.txPackets())));
		sample.put("tx-bits-per-second", Long.toString(perSecond(moved.txBytes() * 8)));
		sample.put("fp-tx-packets-per-second", "0");
		sample.put("fp-tx-bits-per-second", "0");
		sample.put("tx-drops-per-second", "0");
		sample.put("tx-queue-drops-per-second", "0");
		sample.put("tx-errors-per-second", "0");
		return sample;
	}

	/**
	 * Scales the movement of one monitor interval to one second: exact when the interval
	 * divides a second (1 s on a real router; 50 ms or 100 ms in tests).
	 */
	private long perSecond(long amount) {
		if (1_000_000_000L % this.intervalNanos == 0) {
			return Math.multiplyExact(amount, 1_000_000_000L / this.intervalNanos);
		}
		return Math.round(amount * (1e9 / this.intervalNanos));
	}

}
