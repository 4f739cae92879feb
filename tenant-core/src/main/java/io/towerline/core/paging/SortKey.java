package io.towerline.core.paging;

import java.time.Instant;

/**
 * One key of a list order: its name in the cursor, its SQL expression over the list's
 * table alias (never null, so a row comparison orders every row) and the Java type the
 * cursor holds for it.
 *
 * @param name the key's name in cursors
 * @param sql the SQL expression
 * @param type {@code String.class} or {@code Instant.class}
 */
public record SortKey(String name, String sql, Class<?> type) {

	public SortKey {
		if (type != String.class && type != Instant.class) {
			throw new IllegalArgumentException("Sort keys are text or instants, not " + type.getSimpleName());
		}
	}

	/** A text key. */
	public static SortKey text(String name, String sql) {
		return new SortKey(name, sql, String.class);
	}

	/** A timestamp key. */
	public static SortKey instant(String name, String sql) {
		return new SortKey(name, sql, Instant.class);
	}

}
