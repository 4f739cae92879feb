package io.towerline.mikrotik.wire;

import java.io.IOException;

/**
 * The byte stream broke the word/sentence framing (a reserved control byte, an oversized
 * word, a stream that ends inside a sentence). The connection cannot be resynchronised
 * after this and must be closed.
 */
public class WireProtocolException extends IOException {

	public WireProtocolException(String message) {
		super(message);
	}

}
