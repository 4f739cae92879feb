package io.towerline.mikrotik.simulator;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The RouterOS releases the simulator can impersonate, differing as the research notes
 * list: date format (ISO from 7.10), the {@code /file} timestamp field
 * ({@code last-modified} from 7.16), {@code !empty} on empty replies (7.18+), the shape
 * of {@code /system/health} (items in v7), the package list and whether it is a CHR.
 */
public enum SimulatorVersion {

	/** Long-term v6 on a hEX: legacy dates, many packages, health as properties. */
	V6_49("6.49.10 (long-term)", "hEX", "RB750Gr3", "mmips", true,
			List.of("routeros-mmips", "system", "ipv6", "wireless", "hotspot", "dhcp", "mpls", "routing", "ppp",
					"security", "advanced-tools")),

	/**
	 * Stable v7 before {@code !empty}: ISO dates, {@code last-modified}, health as items.
	 */
	V7_16("7.16.1 (stable)", "CCR2004-1G-12S+2XS", "CCR2004-1G-12S+2XS", "arm64", true,
			List.of("routeros", "wireless")),

	/**
	 * Stable v7 after 7.18 on a CHR: adds {@code !empty}, no routerboard, no health
	 * sensors, one package.
	 */
	V7_19("7.19.4 (stable)", "CHR QEMU Standard PC (i440FX + PIIX, 1996)", "", "x86_64", false, List.of("routeros"));

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("MMM/dd/yyyy HH:mm:ss", Locale.ENGLISH);

	private final String versionString;

	private final String boardName;

	private final String model;

	private final String architecture;

	private final boolean routerboard;

	private final List<String> packages;

	SimulatorVersion(String versionString, String boardName, String model, String architecture, boolean routerboard,
			List<String> packages) {
		this.versionString = versionString;
		this.boardName = boardName;
		this.model = model;
		this.architecture = architecture;
		this.routerboard = routerboard;
		this.packages = packages;
	}

	/**
	 * Parses the command-line spelling: {@code 6.49}, {@code 7.16}, {@code 7.19} (or the
	 * constant name).
	 */
	public static SimulatorVersion parse(String text) {
		for (SimulatorVersion version : values()) {
			if (version.name().equalsIgnoreCase(text) || version.versionString.startsWith(text + ".")) {
				return version;
			}
		}
		throw new IllegalArgumentException("unknown RouterOS version " + text + "; use 6.49, 7.16 or 7.19");
	}

	/**
	 * The {@code version} field of {@code /system/resource}, e.g.
	 * {@code 7.16.1 (stable)}.
	 */
	public String versionString() {
		return this.versionString;
	}

	public String number() {
		return this.versionString.substring(0, this.versionString.indexOf(' '));
	}

	String boardName() {
		return this.boardName;
	}

	String model() {
		return this.model;
	}

	String architecture() {
		return this.architecture;
	}

	boolean routerboard() {
		return this.routerboard;
	}

	List<String> packages() {
		return this.packages;
	}

	boolean emptyReplies() {
		return this == V7_19;
	}

	/**
	 * The {@code .dead} value {@code listen} sends for a removed item: the manual says
	 * {@code yes}, RouterOS 7 (observed on 7.23 and 7.24) sends {@code true}.
	 */
	String deadFlag() {
		return (this == V6_49) ? "yes" : "true";
	}

	/** Interface counter width: 32-bit on v6 (wrapping at 2^32), 64-bit on v7. */
	int counterBits() {
		return (this == V6_49) ? 32 : 64;
	}

	boolean healthAsItems() {
		return this != V6_49;
	}

	boolean chunkedFileRead() {
		return this != V6_49;
	}

	String fileTimestampField() {
		return (this == V6_49) ? "creation-time" : "last-modified";
	}

	/**
	 * v7 hides secrets in {@code /export} unless {@code show-sensitive}; v6 shows them
	 * unless {@code hide-sensitive}.
	 */
	boolean exportHidesSensitiveByDefault() {
		return this != V6_49;
	}

	String formatDate(LocalDateTime time) {
		return (this == V6_49) ? LEGACY.format(time).toLowerCase(Locale.ROOT) : ISO.format(time);
	}

	/** What {@code last-logged-out} says for a secret that never logged in. */
	String neverDate() {
		return formatDate(LocalDateTime.of(1970, 1, 1, 0, 0));
	}

}
