package io.towerline.core.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.mikrotik.interfaces.RouterInterface;

/**
 * A router's {@code <pppoe-NAME>} counters at one instant, keyed by interface id and
 * name: a session that reconnected has a new interface id, so its counters (which restart
 * at zero) are never subtracted from the old session's.
 */
record CounterReading(long nanos, Instant at, Map<String, RouterInterface> interfaces) {

	static CounterReading of(long nanos, Instant at, List<RouterInterface> interfaces) {
		return new CounterReading(nanos, at, interfaces.stream()
			.collect(Collectors.toMap(CounterReading::key, Function.identity(), (first, second) -> first)));
	}

	/**
	 * Rates of every interface present in both readings, from the counters' movement over
	 * the time between them. A counter that went down (reset, 32-bit wrap) gives no rate
	 * for that interface rather than a wrong one.
	 */
	InterfaceRates ratesSince(CounterReading earlier) {
		double seconds = Math.max(1, this.nanos - earlier.nanos) / 1e9;
		List<InterfaceRate> rates = new ArrayList<>();
		this.interfaces.forEach((key, now) -> {
			RouterInterface before = earlier.interfaces.get(key);
			if (before == null || now.rxBytes() < before.rxBytes() || now.txBytes() < before.txBytes()
					|| now.rxPackets() < before.rxPackets() || now.txPackets() < before.txPackets()) {
				return;
			}
			rates.add(new InterfaceRate(now.name(), perSecond((now.rxBytes() - before.rxBytes()) * 8, seconds),
					perSecond((now.txBytes() - before.txBytes()) * 8, seconds),
					perSecond(now.rxPackets() - before.rxPackets(), seconds),
					perSecond(now.txPackets() - before.txPackets(), seconds)));
		});
		return new InterfaceRates(this.at, seconds, this.interfaces.size(), rates);
	}

	private static long perSecond(long amount, double seconds) {
		return Math.round(amount / seconds);
	}

	private static String key(RouterInterface item) {
		return item.id() + "|" + item.name();
	}

}
