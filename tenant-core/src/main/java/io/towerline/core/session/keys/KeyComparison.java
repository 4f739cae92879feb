package io.towerline.core.session.keys;

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

	/** Compares two ids as PostgreSQL does: their 16 bytes, unsigned. */
	static int ids(UUID a, UUID b) {
		int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return (high != 0) ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	}

	/**
	 * Whether (login, name, id) comes before the other in {@code order}; negative when it
	 * does, positive when after, zero for the same session.
	 */
	static int inOrder(KeyOrder order, long loginA, String nameA, UUID idA, long loginB, String nameB, UUID idB) {
		return switch (order) {
			case NAME -> {
				int byName = names(nameA, nameB);
				yield (byName != 0) ? byName : ids(idA, idB);
			}
			case OLDEST -> {
				int byLogin = Long.compare(loginA, loginB);
				yield (byLogin != 0) ? byLogin : ids(idA, idB);
			}
			case NEWEST -> {
				int byLogin = Long.compare(loginB, loginA);
				yield (byLogin != 0) ? byLogin : ids(idB, idA);
			}
		};
	}

}
