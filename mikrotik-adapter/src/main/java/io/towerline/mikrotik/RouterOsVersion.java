package io.towerline.mikrotik;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RouterOS release as {@code /system/resource} reports it, e.g. {@code 7.16.1 (stable)}
 * or {@code 7.23_ab650 (development)}. Comparable by number; the channel is
 * informational.
 *
 * @param major 6 or 7
 * @param minor e.g. 49
 * @param patch 0 when absent
 * @param channel {@code stable}, {@code long-term}, {@code testing}, {@code development},
 * or empty
 */
public record RouterOsVersion(int major, int minor, int patch, String channel) implements Comparable<RouterOsVersion> {

	private static final Pattern FORMAT = Pattern
		.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?(\\S*)(?:\\s+\\((\\w[\\w-]*)\\))?$");

	/**
	 * Parses the {@code version} field.
	 * @throws IllegalArgumentException when the text is not a RouterOS version
	 */
	public static RouterOsVersion parse(String text) {
		Matcher matcher = FORMAT.matcher(text.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a RouterOS version: " + text);
		}
		int patch = (matcher.group(3) != null) ? Integer.parseInt(matcher.group(3)) : 0;
		String channel = (matcher.group(5) != null) ? matcher.group(5) : "";
		return new RouterOsVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch,
				channel);
	}

	public boolean isAtLeast(int major, int minor) {
		return this.major > major || (this.major == major && this.minor >= minor);
	}

	@Override
	public int compareTo(RouterOsVersion other) {
		int byMajor = Integer.compare(this.major, other.major);
		if (byMajor != 0) {
			return byMajor;
		}
		int byMinor = Integer.compare(this.minor, other.minor);
		return (byMinor != 0) ? byMinor : Integer.compare(this.patch, other.patch);
	}

	@Override
	public String toString() {
		return this.major + "." + this.minor + ((this.patch != 0) ? "." + this.patch : "")
				+ (this.channel.isEmpty() ? "" : " (" + this.channel + ")");
	}

}
