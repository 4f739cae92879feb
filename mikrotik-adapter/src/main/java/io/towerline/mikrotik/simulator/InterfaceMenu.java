package io.towerline.mikrotik.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code /interface}: five Ethernet ports (ether1 is the uplink, carrying the sum of all
 * subscriber traffic) plus the dynamic PPPoE interfaces, and {@code monitor-traffic} both
 * {@code =once=} and streaming until {@code /cancel}.
 */
final class InterfaceMenu {

	private final PppSessions sessions;

	private final Duration monitorInterval;

	private final long startNanos = System.nanoTime();

	InterfaceMenu(PppSessions sessions, Duration monitorInterval) {
		this.sessions = sessions;
		this.monitorInterval = monitorInterval;
	}

	void register(CommandTable commands) {
		commands.register("/interface/print", (request, reply) -> TablePrinter.print(all(), request, reply));
		commands.register("/interface/monitor-traffic", this::monitorTraffic);
	}

	List<Map<String, String>> all() {
		List<Map<String, String>> interfaces = new ArrayList<>();
		long seconds = Math.max(1, (System.nanoTime() - this.startNanos) / 1_000_000_000L);
		long uplinkRx = 0;
		long uplinkTx = 0;
		for (Map<String, String> pppoe : this.sessions.interfaces()) {
			uplinkRx += Long.parseLong(pppoe.get("rx-byte"));
			uplinkTx += Long.parseLong(pppoe.get("tx-byte"));
		}
		for (int port = 1; port <= 5; port++) {
			Map<String, String> item = new LinkedHashMap<>();
			item.put(".id", "*" + port);
			item.put("name", "ether" + port);
			item.put("type", "ether");
			item.put("mtu", "1500");
			item.put("actual-mtu", "1500");
			item.put("mac-address", "48:8F:5A:00:00:0" + port);
			item.put("link-downs", "0");
			item.put("rx-byte", Long.toString((port == 1) ? uplinkTx + seconds * 1_000 : seconds * 100L * port));
			item.put("tx-byte", Long.toString((port == 1) ? uplinkRx + seconds * 2_000 : seconds * 50L * port));
			item.put("rx-packet", Long.toString(seconds * 3));
			item.put("tx-packet", Long.toString(seconds * 2));
			item.put("running", Boolean.toString(port <= 3));
			item.put("disabled", "false");
			item.put("dynamic", "false");
			interfaces.add(item);
		}
		interfaces.addAll(this.sessions.interfaces());
		return interfaces;
	}

	private void monitorTraffic(ApiRequest request, ReplyChannel reply) throws InterruptedException {
		String names = request.attribute("interface");
		if (names == null || names.isEmpty()) {
			reply.fail(1, "missing value(s) of argument(s) interface");
			return;
		}
		List<String> wanted = List.of(names.split(","));
		List<String> known = all().stream().map((item) -> item.get("name")).toList();
		for (String name : wanted) {
			if (!known.contains(name) && !name.equals("aggregate")) {
				reply.fail(1, "input does not match any value of interface");
				return;
			}
		}
		boolean once = request.has("once");
		do {
			for (String name : wanted) {
				reply.row(TablePrinter.select(sample(name), request.proplist()), !once);
			}
			if (!once) {
				Thread.sleep(this.monitorInterval);
			}
		}
		while (!once && !reply.finished());
		reply.done();
	}

	private Map<String, String> sample(String name) {
		long rxBits = 0;
		long txBits = 0;
		if (name.startsWith("<pppoe-") && name.endsWith(">")) {
			PppSessions.Traffic traffic = this.sessions.traffic(name.substring(7, name.length() - 1));
			if (traffic != null) {
				rxBits = jitter(traffic.rxBytesPerSecond() * 8);
				txBits = jitter(traffic.txBytesPerSecond() * 8);
			}
		}
		else if (name.equals("ether1") || name.equals("aggregate")) {
			for (PppSessions.Traffic traffic : this.sessions.allTraffic().values()) {
				rxBits += jitter(traffic.txBytesPerSecond() * 8);
				txBits += jitter(traffic.rxBytesPerSecond() * 8);
			}
		}
		Map<String, String> sample = new LinkedHashMap<>();
		sample.put("name", name);
		sample.put("rx-packets-per-second", Long.toString(rxBits / 4800));
		sample.put("rx-bits-per-second", Long.toString(rxBits));
		sample.put("fp-rx-packets-per-second", "0");
		sample.put("fp-rx-bits-per-second", "0");
		sample.put("rx-drops-per-second", "0");
		sample.put("rx-errors-per-second", "0");
		sample.put("tx-packets-per-second", Long.toString(txBits / 9600));
		sample.put("tx-bits-per-second", Long.toString(txBits));
		sample.put("fp-tx-packets-per-second", "0");
		sample.put("fp-tx-bits-per-second", "0");
		sample.put("tx-drops-per-second", "0");
		sample.put("tx-queue-drops-per-second", "0");
		sample.put("tx-errors-per-second", "0");
		return sample;
	}

	private static long jitter(long bits) {
		return (bits == 0) ? 0 : bits * (90 + ThreadLocalRandom.current().nextInt(21)) / 100;
	}

}
