package io.towerline.core.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a plan sets on its PPP profile besides the rate limit, as ISPs configure it. A
 * null (or empty list) means the platform leaves the router's default: the property is
 * not set, and cleared where a router has it.
 *
 * @param localAddress the router's end of each link: an IPv4 address or a pool name
 * @param remoteAddress the subscribers' addresses: an IPv4 address or a pool name
 * @param poolRanges when set, the platform keeps the pool named {@code remoteAddress}
 * with these ranges on every router serving the plan; when null a named pool is the
 * router's own and never touched
 * @param dnsServers up to two IPv4 addresses handed to subscribers
 * @param onlyOne whether a subscriber may have one session at a time ({@code null}:
 * router default)
 * @param addressList the firewall address list subscribers join while connected
 * @param parentQueue the queue the subscribers' queues hang under
 * @param sessionTimeout longest session, 1 s to 365 days
 * @param idleTimeout idle disconnect, 1 s to 365 days
 */
public record ProfileSettings(@Nullable String localAddress, @Nullable String remoteAddress,
		@Nullable String poolRanges, List<String> dnsServers, @Nullable Boolean onlyOne, @Nullable String addressList,
		@Nullable String parentQueue, @Nullable Duration sessionTimeout, @Nullable Duration idleTimeout) {

	/** A plan that sets nothing but its rate. */
	public static final ProfileSettings NONE = new ProfileSettings(null, null, null, List.of(), null, null, null, null,
			null);

	private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

	private static final Pattern IPV4 = Pattern
		.compile("^" + OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET + "$");

	/** Pool names as RouterOS profiles can refer to them unambiguously. */
	private static final Pattern POOL_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9._-]{0,63}$");

	private static final Pattern PREFIX = Pattern.compile("^(.+)/(\\d{1,2})$");

	private static final Duration LONGEST = Duration.ofDays(365);

	private static final int MAX_RANGES = 32;

	public ProfileSettings {
		dnsServers = List.copyOf(dnsServers);
	}

	/**
	 * Validates raw input. Errors name the plan input's fields ({@code localAddress},
	 * {@code poolRanges}, {@code dnsServers}, ...).
	 * @throws InvalidInputException listing every problem
	 */
	public static ProfileSettings of(@Nullable String localAddress, @Nullable String remoteAddress,
			@Nullable String poolRanges, @Nullable List<String> dnsServers, @Nullable Boolean onlyOne,
			@Nullable String addressList, @Nullable String parentQueue, @Nullable Duration sessionTimeout,
			@Nullable Duration idleTimeout) {
		List<FieldError> errors = new ArrayList<>();
		String local = blankAsNull(localAddress);
		String remote = blankAsNull(remoteAddress);
		String ranges = blankAsNull(poolRanges);
		checkAddress(errors, "localAddress", local);
		checkAddress(errors, "remoteAddress", remote);
		if (ranges != null) {
			if (remote == null || IPV4.matcher(remote).matches()) {
				errors.add(FieldError.invalid("poolRanges",
						"Pool ranges need remoteAddress to name the pool they belong to"));
			}
			ranges = normaliseRanges(errors, ranges);
		}
		List<String> dns = new ArrayList<>();
		for (String server : (dnsServers != null) ? dnsServers : List.<String>of()) {
			String clean = server.strip();
			if (!IPV4.matcher(clean).matches()) {
				errors.add(FieldError.invalid("dnsServers", "'" + shorten(clean) + "' is not an IPv4 address"));
			}
			dns.add(clean);
		}
		if (dns.size() > 2) {
			errors.add(FieldError.invalid("dnsServers", "At most two DNS servers"));
		}
		String list = blankAsNull(addressList);
		checkName(errors, "addressList", list);
		String queue = blankAsNull(parentQueue);
		checkName(errors, "parentQueue", queue);
		checkTimeout(errors, "sessionTimeout", sessionTimeout);
		checkTimeout(errors, "idleTimeout", idleTimeout);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new ProfileSettings(local, remote, ranges, dns, onlyOne, list, queue, sessionTimeout, idleTimeout);
	}

	/** The DNS servers as RouterOS writes them, or null when none. */
	@Nullable String dnsServerText() {
		return this.dnsServers.isEmpty() ? null : String.join(",", this.dnsServers);
	}

	/** Whether the platform keeps the remote address pool on the routers. */
	public boolean managesPool() {
		return this.poolRanges != null;
	}

	private static void checkAddress(List<FieldError> errors, String field, @Nullable String value) {
		if (value != null && !IPV4.matcher(value).matches() && !POOL_NAME.matcher(value).matches()) {
			errors.add(FieldError.invalid(field, "'" + shorten(value)
					+ "' is neither an IPv4 address nor a pool name (a letter, then up to 63 letters, digits, '.', '_' or '-')"));
		}
	}

	private static void checkName(List<FieldError> errors, String field, @Nullable String value) {
		if (value != null && (value.length() > 63 || value.chars().anyMatch((c) -> c < 0x20 || c > 0x7e || c == ','))) {
			errors.add(FieldError.invalid(field, "The name must be 1 to 63 printable ASCII characters without ','"));
		}
	}

	private static void checkTimeout(List<FieldError> errors, String field, @Nullable Duration value) {
		if (value != null && (value.getSeconds() < 1 || value.compareTo(LONGEST) > 0 || value.getNano() != 0)) {
			errors.add(FieldError.invalid(field, "The timeout must be whole seconds from 1 s to 365 days"));
		}
	}

	/**
	 * Each range an address, a prefix or {@code from-to} with from ≤ to, joined by commas
	 * without spaces as RouterOS prints them.
	 */
	private static String normaliseRanges(List<FieldError> errors, String ranges) {
		List<String> parts = new ArrayList<>();
		for (String raw : ranges.split(",")) {
			String range = raw.strip();
			parts.add(range);
			if (!validRange(range)) {
				errors.add(FieldError.invalid("poolRanges", "'" + shorten(range)
						+ "' is not a range: an IPv4 address, a prefix (10.1.0.0/24) or from-to (10.1.0.2-10.1.0.254)"));
			}
		}
		if (parts.size() > MAX_RANGES) {
			errors.add(FieldError.invalid("poolRanges", "At most " + MAX_RANGES + " ranges"));
		}
		return String.join(",", parts);
	}

	private static boolean validRange(String range) {
		Matcher prefix = PREFIX.matcher(range);
		if (prefix.matches()) {
			return IPV4.matcher(prefix.group(1)).matches() && Integer.parseInt(prefix.group(2)) <= 32;
		}
		int dash = range.indexOf('-');
		if (dash < 0) {
			return IPV4.matcher(range).matches();
		}
		String from = range.substring(0, dash);
		String to = range.substring(dash + 1);
		return IPV4.matcher(from).matches() && IPV4.matcher(to).matches() && number(from) <= number(to);
	}

	private static long number(String address) {
		long value = 0;
		for (String octet : address.split("\\.")) {
			value = value * 256 + Integer.parseInt(octet);
		}
		return value;
	}

	private static @Nullable String blankAsNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String shorten(String text) {
		return (text.length() > 30) ? text.substring(0, 30) + "…" : text;
	}

}
