package io.towerline.core.text;

/**
 * What makes text unfit to reach a router verbatim. The platform never trims or replaces
 * characters of such text: it refuses it, saying why, so that what the router stores is
 * what the caller typed.
 */
public final class VerbatimText {

	private VerbatimText() {
	}

	/** Leading or trailing white space, which callers rarely mean and CPE forms drop. */
	public static boolean hasOuterSpace(String text) {
		return !text.isEmpty() && (Character.isWhitespace(text.charAt(0))
				|| Character.isWhitespace(text.charAt(text.length() - 1)) || Character.isSpaceChar(text.charAt(0))
				|| Character.isSpaceChar(text.charAt(text.length() - 1)));
	}

	/**
	 * A UTF-16 surrogate without its pair: such a string has no UTF-8 form, and encoding
	 * it would silently turn the character into {@code ?}.
	 */
	public static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Printable ASCII only (space to tilde): the characters every PPPoE client sends as
	 * the same bytes.
	 */
	public static boolean isPrintableAscii(String text) {
		return text.chars().allMatch((c) -> c >= 0x20 && c <= 0x7E);
	}

	/** C0 and C1 control characters and DEL. */
	public static boolean hasControl(String text) {
		return text.chars().anyMatch(Character::isISOControl);
	}

}
