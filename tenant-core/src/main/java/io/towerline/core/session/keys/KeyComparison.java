package io.towerline.core.session.keys;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The database's orders, in Java: user names in code point order (the order of their
 * UTF-8 bytes, which is how a {@code C} or {@code C.UTF-8} database sorts them) and ids
 * as unsigned 128-bit numbers (how PostgreSQL sorts {@code uuid}).
 */
final class KeyComparison {

	private KeyComparison() {
	}

	/** Compares two strings by code point, not by UTF-16 unit. */
	static int names(String a, String b) {
		int length = Math.min(a.length(), b.length());
		for (int i = 0; i < length; i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y) {
				return codePointRank(x) - codePointRank(y);
			}
		}
		return a.length() - b.length();
	}

	/**
	 * A UTF-16 unit's place in code point order: surrogates (D800–DFFF, the halves of
	 * code points above FFFF) come after E000–FFFF.
	 */
	private static int codePointRank(char unit) {
		if (unit < 0xD800) {
			return unit;
		}
		return (unit >= 0xE000) ? unit - 0x800 : unit + 0x2000;
	}

	/**
	 * The first eight UTF-8 bytes of a name, big-endian, zero-padded: when two names'
	 * keys differ, unsigned comparison of the keys orders the names (a name holds no zero
	 * byte: PostgreSQL text cannot).
	 */
	static long nameKey(String name) {
		// whole code points: a pair cut in two would encode as '?'
		int end = name.offsetByCodePoints(0, Math.min(8, name.codePointCount(0, name.length())));
		byte[] bytes = name.substring(0, end).getBytes(StandardCharsets.UTF_8);
		long key = 0;
		for (int i = 0; i < 8; i++) {
			key = (key << 8) | ((i < bytes.length) ? (bytes[i] & 0xFF) : 0);
		}
		return key;
	}

	/** Whether a name is whole in its key: equal keys then mean equal names. */
	static boolean wholeInKey(String name) {
		return name.length() <= 8 && name.getBytes(StandardCharsets.UTF_8).length <= 8;
	}

	/** Compares two ids as PostgreSQL does: their 16 bytes, unsigned. */
	static int ids(UUID a, UUID b) {
		int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return (high != 0) ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	}

}
