package io.towerline.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A RouterOS PPP {@code rate-limit}, from the subscriber's point of view. RouterOS writes
 * it from the router's:
 * {@code rx-rate[/tx-rate] [rx-burst-rate[/tx-burst-rate] [rx-burst-threshold[/tx-burst-threshold]
 * [rx-burst-time[/tx-burst-time] [priority] [rx-rate-min[/tx-rate-min]]]]]}, where rx is
 * the subscriber's upload and tx the download. Rates are in bits per second.
 *
 * @param uploadBps sustained upload rate
 * @param downloadBps sustained download rate
 * @param burst optional burst settings
 */
public record RateLimit(long uploadBps, long downloadBps, @Nullable Burst burst) {

	private static final Pattern RATE = Pattern.compile("^(\\d+)([kKM]?)$");

	private static final Pattern TIME = Pattern.compile("^(\\d+)s?$");

	/**
	 * Burst: above the threshold (average over the burst time) the subscriber falls back
	 * to the sustained rate.
	 *
	 * @param uploadBps burst upload rate
	 * @param downloadBps burst download rate
	 * @param uploadThresholdBps upload threshold
	 * @param downloadThresholdBps download threshold
	 * @param seconds burst time in seconds
	 */
	public record Burst(long uploadBps, long downloadBps, long uploadThresholdBps, long downloadThresholdBps,
			int seconds) {

	}

	/**
	 * The highest rate RouterOS accepts in a PPP rate-limit: 2^32 - 1 bits/s (RouterOS v6
	 * keeps queue rates in 32 bits; one limit for every router version the platform
	 * serves).
	 */
	static final long MAX_BPS = 4_294_967_295L;

	/**
	 * Checks a rate limit for sense: rates 1 to {@link #MAX_BPS}, bursts above the rate
	 * and thresholds between them. Errors name the plan input's fields
	 * ({@code uploadRate}, {@code burst.downloadThreshold}, ...).
	 * @throws InvalidInputException listing every problem
	 */
	public RateLimit {
		List<FieldError> errors = new ArrayList<>();
		checkRate(errors, "uploadRate", uploadBps);
		checkRate(errors, "downloadRate", downloadBps);
		if (burst != null) {
			checkRate(errors, "burst.uploadRate", burst.uploadBps());
			checkRate(errors, "burst.downloadRate", burst.downloadBps());
			if (burst.uploadBps() <= uploadBps) {
				errors.add(FieldError.invalid("burst.uploadRate", "The burst upload rate must be above uploadRate"));
			}
			if (burst.downloadBps() <= downloadBps) {
				errors.add(
						FieldError.invalid("burst.downloadRate", "The burst download rate must be above downloadRate"));
			}
			if (burst.uploadThresholdBps() <= 0 || burst.uploadThresholdBps() > burst.uploadBps()) {
				errors.add(FieldError.invalid("burst.uploadThreshold",
						"The upload threshold must be positive and at most burst.uploadRate"));
			}
			if (burst.downloadThresholdBps() <= 0 || burst.downloadThresholdBps() > burst.downloadBps()) {
				errors.add(FieldError.invalid("burst.downloadThreshold",
						"The download threshold must be positive and at most burst.downloadRate"));
			}
			if (burst.seconds() < 1 || burst.seconds() > 3600) {
				errors.add(FieldError.invalid("burst.seconds", "The burst time must be 1 to 3600 seconds"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * One rate as a caller writes it: digits with an optional {@code k} (thousand) or
	 * {@code M} (million) suffix, in bits per second.
	 * @param field the input field it came from, named in the error
	 * @throws InvalidInputException on {@code field} when it is not a rate or above
	 * {@link #MAX_BPS}
	 */
	public static long rate(String text, String field) {
		Matcher matcher = RATE.matcher(text);
		if (!matcher.matches()) {
			throw new InvalidInputException(FieldError.invalid(field,
					"'" + shorten(text) + "' is not a rate: digits with an optional k or M, e.g. 20M"));
		}
		long multiplier = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
			case "k" -> 1_000;
			case "m" -> 1_000_000;
			default -> 1;
		};
		String digits = matcher.group(1);
		// at most 10 digits: anything longer is above the limit whatever the suffix (and
		// would overflow a long)
		if (digits.length() > 10 || Long.parseLong(digits) * multiplier > MAX_BPS) {
			throw new InvalidInputException(FieldError.invalid(field,
					"'" + shorten(text) + "' is above the highest rate RouterOS accepts, " + MAX_BPS + " bits/s"));
		}
		return Long.parseLong(digits) * multiplier;
	}

	private static void checkRate(List<FieldError> errors, String field, long bps) {
		if (bps < 1 || bps > MAX_BPS) {
			errors.add(FieldError.invalid(field, "The rate must be 1 to " + MAX_BPS + " bits/s"));
		}
	}

	private static String shorten(String text) {
		return (text.length() > 30) ? text.substring(0, 30) + "…" : text;
	}

	/**
	 * Parses RouterOS syntax, e.g. {@code 10M/20M} or
	 * {@code 10M/20M 12M/24M 8M/16M 10/10}.
	 * @throws InvalidInputException with a message saying what is wrong
	 */
	public static RateLimit parse(String text) {
		String[] parts = text.strip().split("\\s+");
		if (text.isBlank() || parts.length > 6) {
			throw invalid(text, "expected 'upload/download' followed by up to five optional groups");
		}
		long[] rates = pair(parts[0], text, RateLimit::bits);
		if (parts.length == 1) {
			return new RateLimit(rates[0], rates[1], null);
		}
		if (parts.length < 3) {
			throw invalid(text, "a burst rate needs a burst threshold");
		}
		long[] burst = pair(parts[1], text, RateLimit::bits);
		long[] threshold = pair(parts[2], text, RateLimit::bits);
		long[] time = (parts.length > 3) ? pair(parts[3], text, RateLimit::seconds) : new long[] { 1, 1 };
		if (parts.length > 4 && !parts[4].matches("^[1-8]$")) {
			throw invalid(text, "priority must be 1 to 8");
		}
		if (parts.length > 5) {
			// minimum rates: the platform never sets them, but they must be rates
			pair(parts[5], text, RateLimit::bits);
		}
		return new RateLimit(rates[0], rates[1],
				new Burst(burst[0], burst[1], threshold[0], threshold[1], (int) Math.max(time[0], time[1])));
	}

	/** RouterOS syntax of this limit. */
	public String toRouterOs() {
		StringBuilder text = new StringBuilder(rate(this.uploadBps) + "/" + rate(this.downloadBps));
		if (this.burst != null) {
			text.append(' ')
				.append(rate(this.burst.uploadBps()))
				.append('/')
				.append(rate(this.burst.downloadBps()))
				.append(' ')
				.append(rate(this.burst.uploadThresholdBps()))
				.append('/')
				.append(rate(this.burst.downloadThresholdBps()))
				.append(' ')
				.append(this.burst.seconds())
				.append('/')
				.append(this.burst.seconds());
		}
		return text.toString();
	}

	private static long[] pair(String part, String whole, BiFunction<String, String, Long> unit) {
		String[] sides = part.split("/", -1);
		if (sides.length > 2) {
			throw invalid(whole, "'" + part + "' has more than one '/'");
		}
		long rx = unit.apply(sides[0], whole);
		long tx = (sides.length == 2) ? unit.apply(sides[1], whole) : rx;
		return new long[] { rx, tx };
	}

	private static Long bits(String value, String whole) {
		try {
			return rate(value, "rateLimit");
		}
		catch (InvalidInputException ex) {
			throw invalid(whole, ex.errors().get(0).message());
		}
	}

	private static Long seconds(String value, String whole) {
		Matcher matcher = TIME.matcher(value);
		if (!matcher.matches() || matcher.group(1).length() > 9) {
			throw invalid(whole, "'" + shorten(value) + "' is not a burst time in seconds");
		}
		return Long.parseLong(matcher.group(1));
	}

	private static String rate(long bps) {
		if (bps % 1_000_000 == 0) {
			return (bps / 1_000_000) + "M";
		}
		if (bps % 1_000 == 0) {
			return (bps / 1_000) + "k";
		}
		return Long.toString(bps);
	}

	private static InvalidInputException invalid(String text, String reason) {
		return new InvalidInputException(
				FieldError.invalid("rateLimit", "Invalid rate-limit '" + shorten(text.strip()) + "': " + reason));
	}

}
