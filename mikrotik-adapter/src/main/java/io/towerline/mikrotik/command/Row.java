package io.towerline.mikrotik.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.towerline.mikrotik.wire.RouterText;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of one {@code !re} (or {@code !done}) reply. Values are the router's raw
 * API spelling: numbers unformatted, booleans {@code true}/{@code false}. Typed
 * operations turn rows into records.
 */
public final class Row {

	private static final Row EMPTY = new Row(Map.of());

	private final Map<String, byte[]> attributes;

	/**
	 * @param attributes raw values as read from the wire; decoded only when asked for
	 */
	public Row(Map<String, byte[]> attributes) {
		this.attributes = Collections.unmodifiableMap(attributes);
	}

	/** A row of text values, for tests and synthetic replies. */
	static Row ofText(Map<String, String> attributes) {
		Map<String, byte[]> raw = new LinkedHashMap<>();
		attributes.forEach((name, value) -> raw.put(name, RouterText.encode(value)));
		return new Row(raw);
	}

	public static Row empty() {
		return EMPTY;
	}

	/**
	 * The value as text (UTF-8, or windows-1252 when not valid UTF-8), or null when
	 * absent.
	 */
	public @Nullable String get(String name) {
		byte[] value = this.attributes.get(name);
		return (value != null) ? RouterText.decode(value) : null;
	}

	public String getOrEmpty(String name) {
		String value = get(name);
		return (value != null) ? value : "";
	}

	/**
	 * The exact bytes of the value (binary file chunks, foreign encodings), or null when
	 * absent.
	 */
	public byte @Nullable [] raw(String name) {
		byte[] value = this.attributes.get(name);
		return (value != null) ? value.clone() : null;
	}

	public boolean has(String name) {
		return this.attributes.containsKey(name);
	}

	/**
	 * RouterOS booleans print as {@code true}/{@code false}; {@code yes} is accepted too.
	 * Absent is false.
	 */
	public boolean flag(String name) {
		String value = get(name);
		return "true".equals(value) || "yes".equals(value);
	}

	/** A counter or size; absent or non-numeric values read as 0. */
	public long number(String name) {
		String value = get(name);
		if (value == null || value.isEmpty()) {
			return 0;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** All values decoded as text, in the router's order. */
	public Map<String, String> attributes() {
		Map<String, String> text = new LinkedHashMap<>();
		this.attributes.forEach((name, value) -> text.put(name, RouterText.decode(value)));
		return text;
	}

	@Override
	public String toString() {
		return this.attributes.keySet().toString();
	}

}
