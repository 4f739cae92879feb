package io.towerline.mikrotik.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns RouterOS words into Java text and back. RouterOS tags no encoding: values are raw
 * bytes, usually UTF-8, but comments written by WinBox are often windows-1252/1251. Text
 * is decoded as strict UTF-8 and, when the bytes are not valid UTF-8, as windows-1252, so
 * a foreign comment is shown legibly instead of as U+FFFD.
 */
public final class RouterText {

	private static final Charset FALLBACK = Charset.forName("windows-1252");

	private RouterText() {
	}

	public static byte[] encode(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	public static String decode(byte[] bytes) {
		return decode(bytes, 0, bytes.length);
	}

	public static String decode(byte[] bytes, int offset, int length) {
		if (isAscii(bytes, offset, length)) {
			// ASCII is the common case; ISO-8859-1 is the JDK's cheapest exact decoder
			// for it.
			return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
		}
		try {
			CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, length));
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, offset, length, FALLBACK);
		}
	}

	private static boolean isAscii(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			if (bytes[i] < 0) {
				return false;
			}
		}
		return true;
	}

}
