package io.towerline.core.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.usage.Counters;
import io.towerline.mikrotik.interfaces.RouterInterface;
import org.jspecify.annotations.Nullable;

/**
 * A router's {@code <pppoe-NAME>} counters at one instant, keyed by interface id and
 * name: a session that reconnected has a new interface id, so its counters (which restart
 * at zero) are never subtracted from the old session's.
 */
record CounterReading(long nanos, Instant at, Map<String, RouterInterface> interfaces) {

	/**
	 * The shortest time rates are averaged over: counters a few milliseconds apart say
	 * more about when the router counted than about the traffic.
	 */
	static final Duration MIN_WINDOW = Duration.ofMillis(200);

	static CounterReading of(long nanos, Instant at, List<RouterInterface> interfaces) {
		return new CounterReading(nanos, at, interfaces.stream()
			.collect(Collectors.toMap(CounterReading::key, Function.identity(), (first, second) -> first)));
	}

	/**
	 * Rates of every interface present in both readings, from the counters' movement over
	 * the time between them (monotonic).
	 */
	InterfaceRates ratesSince(CounterReading earlier) {
		double seconds = (this.nanos - earlier.nanos) / 1e9;
		return rates((now) -> {
			RouterInterface before = earlier.interfaces.get(key(now));
			return (before != null) ? new Earlier(counters(before), seconds) : null;
		});
	}

	/**
	 * Rates against samples taken earlier by someone else (the session trackers' last
	 * samples), by interface name: each interface's window is the time since its own
	 * sample.
	 */
	InterfaceRates ratesSince(Map<String, CounterSample> samplesByName) {
		return rates((now) -> {
			CounterSample sample = samplesByName.get(now.name());
			return (sample != null)
					? new Earlier(sample.counters(), Duration.between(sample.at(), this.at).toNanos() / 1e9) : null;
		});
	}

	/**
	 * A counter that went down (reset, 32-bit wrap) or a window under {@link #MIN_WINDOW}
	 * gives no rate for that interface rather than a wrong one. The window reported is
	 * the longest used.
	 */
	private InterfaceRates rates(Function<RouterInterface, @Nullable Earlier> baseline) {
		double minimum = MIN_WINDOW.toNanos() / 1e9;
		double longest = 0;
		List<InterfaceRate> rates = new ArrayList<>();
		for (RouterInterface now : this.interfaces.values()) {
			Earlier before = baseline.apply(now);
			if (before == null || before.seconds() < minimum || now.rxBytes() < before.counters().rxBytes()
					|| now.txBytes() < before.counters().txBytes() || now.rxPackets() < before.counters().rxPackets()
					|| now.txPackets() < before.counters().txPackets()) {
				continue;
			}
			double seconds = before.seconds();
			longest = Math.max(longest, seconds);
			rates.add(
					new InterfaceRate(now.name(), perSecond((now.rxBytes() - before.counters().rxBytes()) * 8, seconds),
							perSecond((now.txBytes() - before.counters().txBytes()) * 8, seconds),
							perSecond(now.rxPackets() - before.counters().rxPackets(), seconds),
							perSecond(now.txPackets() - before.counters().txPackets(), seconds)));
		}
		return new InterfaceRates(this.at, longest, this.interfaces.size(), rates);
	}

	private static Counters counters(RouterInterface item) {
		return new Counters(item.rxBytes(), item.txBytes(), item.rxPackets(), item.txPackets());
	}

	private static long perSecond(long amount, double seconds) {
		return Math.round(amount / seconds);
	}

	private static String key(RouterInterface item) {
		return item.id() + "|" + item.name();
	}

	/** An interface's counters some seconds before this reading. */
	private record Earlier(Counters counters, double seconds) {

	}

}
