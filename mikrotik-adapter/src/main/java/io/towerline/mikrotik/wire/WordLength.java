package io.towerline.mikrotik.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The five length-prefix forms of an API word (DOC-API "API words"). Writing always uses
 * the shortest form; reading accepts every valid form, including the non-minimal ones
 * other encoders produce (D13).
 */
final class WordLength {

	private WordLength() {
	}

	/** How many prefix bytes {@link #write} uses for a word of {@code length} bytes. */
	static int prefixSize(int length) {
		if (length < 0x80) {
			return 1;
		}
		if (length < 0x4000) {
			return 2;
		}
		if (length < 0x200000) {
			return 3;
		}
		if (length < 0x10000000) {
			return 4;
		}
		return 5;
	}

	/**
	 * Writes the prefix for {@code length} at {@code pos} and returns the position after
	 * it.
	 */
	static int write(int length, byte[] target, int pos) {
		int size = prefixSize(length);
		long encoded = switch (size) {
			case 1 -> length;
			case 2 -> length | 0x8000;
			case 3 -> length | 0xC00000;
			case 4 -> length | 0xE0000000L;
			default -> length;
		};
		if (size == 5) {
			target[pos++] = (byte) 0xF0;
			size = 4;
		}
		for (int shift = (size - 1) * 8; shift >= 0; shift -= 8) {
			target[pos++] = (byte) (encoded >>> shift);
		}
		return pos;
	}

	/**
	 * Reads one length prefix.
	 * @return the word length, or {@code -1} if the stream ended cleanly before the
	 * prefix
	 * @throws WireProtocolException on a reserved control byte (first byte &ge; 0xF8 or
	 * 0xF1&ndash;0xF7)
	 */
	static long read(InputStream in) throws IOException {
		int first = in.read();
		if (first < 0) {
			return -1;
		}
		if (first < 0x80) {
			return first;
		}
		if (first < 0xC0) {
			return ((first & 0x3F) << 8) | next(in);
		}
		if (first < 0xE0) {
			return ((first & 0x1F) << 16) | (next(in) << 8) | next(in);
		}
		if (first < 0xF0) {
			return ((long) (first & 0x0F) << 24) | (next(in) << 16) | (next(in) << 8) | next(in);
		}
		if (first == 0xF0) {
			return ((long) next(in) << 24) | (next(in) << 16) | (next(in) << 8) | next(in);
		}
		throw new WireProtocolException("reserved control byte 0x" + Integer.toHexString(first) + " in the stream");
	}

	private static int next(InputStream in) throws IOException {
		int b = in.read();
		if (b < 0) {
			throw new EOFException("stream ended inside a word length");
		}
		return b;
	}

}
