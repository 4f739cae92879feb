package io.towerline.mikrotik.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads sentences from a stream that the caller has buffered (one syscall per byte made
 * the library's 10k-row print take seconds, D12). Empty sentences are skipped, as the
 * protocol requires.
 */
public final class SentenceReader {

	/**
	 * RouterOS caps file contents at 60 KB per value; 16 MiB leaves room while bounding a
	 * corrupt stream.
	 */
	public static final int DEFAULT_MAX_WORD_BYTES = 16 * 1024 * 1024;

	private final InputStream in;

	private final int maxWordBytes;

	public SentenceReader(InputStream in) {
		this(in, DEFAULT_MAX_WORD_BYTES);
	}

	public SentenceReader(InputStream in, int maxWordBytes) {
		this.in = in;
		this.maxWordBytes = maxWordBytes;
	}

	/**
	 * Blocks for the next non-empty sentence.
	 * @return the sentence, or {@code null} when the stream ended cleanly between
	 * sentences
	 * @throws EOFException when the stream ended inside a sentence
	 * @throws WireProtocolException on framing the protocol does not allow
	 */
	public @Nullable Sentence read() throws IOException {
		List<byte[]> words = new ArrayList<>(16);
		while (true) {
			long length = WordLength.read(this.in);
			if (length < 0) {
				if (words.isEmpty()) {
					return null;
				}
				throw new EOFException("stream ended inside a sentence after " + words.size() + " words");
			}
			if (length == 0) {
				if (words.isEmpty()) {
					continue;
				}
				return Sentence.ofWords(words);
			}
			if (length > this.maxWordBytes) {
				throw new WireProtocolException(
						"word of " + length + " bytes exceeds the limit of " + this.maxWordBytes);
			}
			words.add(readFully((int) length));
		}
	}

	private byte[] readFully(int length) throws IOException {
		byte[] word = this.in.readNBytes(length);
		if (word.length < length) {
			throw new EOFException("stream ended inside a word (" + word.length + " of " + length + " bytes)");
		}
		return word;
	}

}
