package io.towerline.mikrotik.command;

import java.time.Duration;

/**
 * RouterOS's duration spelling ({@code 44m55s}, {@code 2d20h12m20s}, {@code 1w2d3h4m5s},
 * sometimes {@code 00:05:00}), as used by {@code uptime}, {@code session-timeout} and
 * friends.
 */
public final class DurationText {

	private DurationText() {
	}

	/**
	 * @return the duration, or {@link Duration#ZERO} for empty or unrecognised text
	 */
	public static Duration parse(String text) {
		if (text.contains(":")) {
			return clock(text);
		}
		long seconds = 0;
		long number = 0;
		boolean digits = false;
		for (char c : text.toCharArray()) {
			if (Character.isDigit(c)) {
				number = number * 10 + (c - '0');
				digits = true;
				continue;
			}
			long unit = switch (c) {
				case 'w' -> 604800;
				case 'd' -> 86400;
				case 'h' -> 3600;
				case 'm' -> 60;
				case 's' -> 1;
				default -> -1;
			};
			if (unit < 0 || !digits) {
				return Duration.ZERO;
			}
			seconds += number * unit;
			number = 0;
			digits = false;
		}
		return digits ? Duration.ZERO : Duration.ofSeconds(seconds);
	}

	/**
	 * The duration in RouterOS's spelling, largest units first ({@code 1d12h},
	 * {@code 30m}, {@code 0s}); whole seconds, what {@link #parse} reads back.
	 */
	public static String format(Duration duration) {
		long seconds = Math.max(0, duration.getSeconds());
		if (seconds == 0) {
			return "0s";
		}
		StringBuilder text = new StringBuilder();
		long[] units = { 604800, 86400, 3600, 60, 1 };
		char[] names = { 'w', 'd', 'h', 'm', 's' };
		for (int i = 0; i < units.length; i++) {
			if (seconds >= units[i]) {
				text.append(seconds / units[i]).append(names[i]);
				seconds %= units[i];
			}
		}
		return text.toString();
	}

	private static Duration clock(String text) {
		String[] parts = text.split(":");
		try {
			long seconds = 0;
			for (String part : parts) {
				seconds = seconds * 60 + Long.parseLong(part.trim());
			}
			return Duration.ofSeconds(seconds);
		}
		catch (NumberFormatException ex) {
			return Duration.ZERO;
		}
	}

}
