package io.towerline.mikrotik.simulator;

import java.time.Duration;

/**
 * RouterOS's duration spelling: {@code 44m55s}, {@code 2d20h12m20s}, {@code 1w2d3h4m5s}.
 */
final class Uptime {

	private Uptime() {
	}

	static String format(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		StringBuilder text = new StringBuilder();
		append(text, seconds / 604800, 'w');
		append(text, (seconds / 86400) % 7, 'd');
		append(text, (seconds / 3600) % 24, 'h');
		append(text, (seconds / 60) % 60, 'm');
		if (seconds % 60 > 0 || text.isEmpty()) {
			text.append(seconds % 60).append('s');
		}
		return text.toString();
	}

	private static void append(StringBuilder text, long value, char unit) {
		if (value > 0) {
			text.append(value).append(unit);
		}
	}

}
