package io.towerline.core.notification;

import java.util.Map;
import java.util.TreeMap;

/** The few JSON texts notifications write: strings and flat objects of strings. */
public final class JsonText {

	private JsonText() {
	}

	/** The content of a JSON string (without the quotes). */
	public static String escape(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	public static String quote(String value) {
		return "\"" + escape(value) + "\"";
	}

	/** A JSON object of string values, keys sorted. */
	public static String object(Map<String, String> values) {
		StringBuilder out = new StringBuilder("{");
		new TreeMap<>(values).forEach((key, value) -> {
			if (out.length() > 1) {
				out.append(',');
			}
			out.append(quote(key)).append(':').append(quote(value));
		});
		return out.append('}').toString();
	}

}
