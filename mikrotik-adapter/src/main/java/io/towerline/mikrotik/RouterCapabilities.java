package io.towerline.mikrotik;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a router can do and how it spells things, derived once from
 * {@code /system/resource} so that no caller ever compares version strings. The
 * thresholds come from the research notes (§2.7): ISO dates from 7.10,
 * {@code last-modified} from 7.16, {@code !empty} from 7.18, health as items in v7.
 *
 * @param version the parsed release
 * @param boardName e.g. {@code hEX} or {@code CHR QEMU ...}
 */
public record RouterCapabilities(RouterOsVersion version, String boardName) {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("MMM/dd/yyyy HH:mm:ss", Locale.ENGLISH);

	/**
	 * Dates look like {@code 2025-03-02 10:11:12} (true) or {@code mar/02/2025 10:11:12}
	 * (false).
	 */
	public boolean isoDates() {
		return this.version.isAtLeast(7, 10);
	}

	/**
	 * The router answers an empty print with {@code !empty} before {@code !done} (handled
	 * by the client).
	 */
	public boolean sendsEmptyReplies() {
		return this.version.isAtLeast(7, 18);
	}

	/**
	 * {@code /file} calls its timestamp {@code last-modified} (7.16+) or
	 * {@code creation-time}.
	 */
	public String fileTimestampField() {
		return this.version.isAtLeast(7, 16) ? "last-modified" : "creation-time";
	}

	/**
	 * {@code /file/read} with offset and chunk size exists, so files over 60 KB can be
	 * read. Gated at 7.13, the first release where it is documented as far as we know;
	 * older routers only offer {@code contents} up to 60 KB.
	 */
	public boolean chunkedFileRead() {
		return this.version.isAtLeast(7, 13);
	}

	/**
	 * {@code /system/health} is a list of name/value/type items (v7) rather than one item
	 * with properties (v6).
	 */
	public boolean healthAsItems() {
		return this.version.major() >= 7;
	}

	/**
	 * {@code /export} hides passwords unless asked ({@code show-sensitive}, v7) rather
	 * than the reverse.
	 */
	public boolean exportHidesSensitiveByDefault() {
		return this.version.major() >= 7;
	}

	/** Whether this is a Cloud Hosted Router (no routerboard, no health sensors). */
	public boolean isChr() {
		return this.boardName.startsWith("CHR");
	}

	/**
	 * Parses a router timestamp in either spelling (both are accepted, whatever the
	 * version, because a router upgraded in place keeps old values). The router's epoch
	 * ({@code 1970-01-01 00:00:00}) means "never".
	 * @return the local router time, or null for empty, "never" or unparseable values
	 */
	public static @Nullable LocalDateTime parseDate(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDateTime time;
		try {
			time = Character.isDigit(value.charAt(0)) ? LocalDateTime.parse(value, ISO)
					: LocalDateTime.parse(capitalise(value), LEGACY);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
		return (time.getYear() <= 1970) ? null : time;
	}

	/** Formats a timestamp the way this router writes them. */
	public String formatDate(LocalDateTime time) {
		return isoDates() ? ISO.format(time) : LEGACY.format(time).toLowerCase(Locale.ROOT);
	}

	private static String capitalise(String value) {
		return Character.toUpperCase(value.charAt(0)) + value.substring(1);
	}

}
