package io.towerline.mikrotik.simulator;

import java.nio.charset.StandardCharsets;

import io.towerline.mikrotik.wire.RouterText;

/**
 * The simulator keeps every value as a "raw" string whose chars are the value's bytes
 * (ISO-8859-1 maps each byte to one char). Values therefore round-trip byte for byte,
 * like on a router, including non-UTF-8 comments, and queries compare bytes, not decoded
 * text.
 */
final class RawText {

	private RawText() {
	}

	static String of(byte[] bytes, int offset, int length) {
		return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
	}

	static byte[] bytes(String raw) {
		return raw.getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * The raw form of ordinary text, encoded as UTF-8 the way a RouterOS console would
	 * store it.
	 */
	static String fromText(String text) {
		return new String(RouterText.encode(text), StandardCharsets.ISO_8859_1);
	}

	/** Readable text for inspection by tests. */
	static String toText(String raw) {
		return RouterText.decode(bytes(raw));
	}

}
