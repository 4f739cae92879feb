package io.towerline.core.usage;

import org.jspecify.annotations.Nullable;

/**
 * What a session used between two readings of its interface counters. Each of the four
 * counters is judged on its own:
 * <ul>
 * <li>a new session (another {@code .id} or login, or the router rebooted) starts its
 * interface at zero, so the whole new reading is the delta;</li>
 * <li>the same session whose counter went up: the difference;</li>
 * <li>the same session whose counter went down although the previous reading fitted in 32
 * bits: a 32-bit counter wrapped once (old RouterOS), so the delta is what was left to
 * 2<sup>32</sup> plus the new reading;</li>
 * <li>the same session whose 64-bit counter went down: the counter was reset under us,
 * and the new reading is all that is known to be new.</li>
 * </ul>
 * No delta is ever negative, and no byte is counted twice. A 32-bit counter that wraps
 * more than once between two samples (over 572 Mbit/s at a 60 s interval) is undercounted
 * by whole multiples of 4 GiB; no reading can tell.
 */
public final class CounterDelta {

	static final long WRAP_32 = 1L << 32;

	private CounterDelta() {
	}

	/**
	 * @param previous the last reading of the same session, or null when there is none (a
	 * new session: everything counted so far is new)
	 * @param current this reading
	 */
	public static Counters between(@Nullable Counters previous, Counters current, boolean sameSession) {
		if (previous == null || !sameSession) {
			return current;
		}
		return new Counters(one(previous.rxBytes(), current.rxBytes()), one(previous.txBytes(), current.txBytes()),
				one(previous.rxPackets(), current.rxPackets()), one(previous.txPackets(), current.txPackets()));
	}

	static long one(long previous, long current) {
		if (current >= previous) {
			return current - previous;
		}
		if (previous < WRAP_32 && current < WRAP_32) {
			return WRAP_32 - previous + current;
		}
		return Math.max(0, current);
	}

}
