package io.towerline.mikrotik.command;

import java.util.regex.Pattern;

/**
 * What may be sent. Every value travels as its own length-prefixed word, so quotes,
 * {@code =}, spaces, {@code !}, {@code ?} and non-ASCII text are all delivered verbatim
 * and cannot change the command. What is refused is what the router cannot meaningfully
 * store or what no client should send: control characters (NUL and the other C0 codes,
 * DEL) and, outside free-text properties such as comments and scripts, CR, LF and TAB.
 * Unpaired UTF-16 surrogates have no UTF-8 form and are refused too.
 */
final class ValueRules {

	static final int MAX_VALUE_CHARS = 4 * 1024 * 1024;

	private static final Pattern PATH = Pattern.compile("(/[a-z0-9][a-z0-9-]*)+");

	private static final Pattern NAME = Pattern.compile("\\.?[a-z0-9][a-z0-9.-]*");

	private ValueRules() {
	}

	static String path(String path) {
		if (!PATH.matcher(path).matches()) {
			throw new UnrepresentableValueException("path", "'" + printable(path)
					+ "' is not a menu path like /ppp/secret/print (lower-case words separated by /)");
		}
		return path;
	}

	static String name(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new UnrepresentableValueException("property name",
					"'" + printable(name) + "' is not a property name (lower-case letters, digits, '-' and '.')");
		}
		return name;
	}

	/**
	 * @param multiLine whether CR, LF and TAB are allowed (free text such as comments and
	 * scripts)
	 */
	static String value(String name, String value, boolean multiLine) {
		if (value.length() > MAX_VALUE_CHARS) {
			throw new UnrepresentableValueException(name, "value longer than " + MAX_VALUE_CHARS + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean lineBreak = c == '\r' || c == '\n' || c == '\t';
			if ((c < 0x20 || c == 0x7F) && !(lineBreak && multiLine)) {
				throw new UnrepresentableValueException(name, "control character U+" + String.format("%04X", (int) c)
						+ " at position " + i + " is not allowed in this value");
			}
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new UnrepresentableValueException(name, "unpaired surrogate at position " + i);
			}
		}
		return value;
	}

	private static String printable(String text) {
		StringBuilder printable = new StringBuilder();
		text.codePoints().limit(60).forEach((c) -> {
			if (c < 0x20 || c == 0x7F) {
				printable.append(String.format("\\u%04X", c));
			}
			else {
				printable.appendCodePoint(c);
			}
		});
		return printable.toString();
	}

}
