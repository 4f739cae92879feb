package io.towerline.mikrotik.wire;

import java.util.List;

/**
 * Encodes sentences into one contiguous byte array, so that each sentence (or a whole
 * batch of them) reaches the socket in a single write: no interleaving between writers
 * that hold the same lock, and no Nagle stalls from per-word writes (D7, D11).
 */
public final class SentenceWriter {

	private SentenceWriter() {
	}

	public static byte[] encode(Sentence sentence) {
		return encode(List.of(sentence));
	}

	public static byte[] encode(List<Sentence> sentences) {
		int size = 0;
		for (Sentence sentence : sentences) {
			size += sentence.encodedSize();
		}
		byte[] bytes = new byte[size];
		int pos = 0;
		for (Sentence sentence : sentences) {
			for (byte[] word : sentence.words()) {
				pos = WordLength.write(word.length, bytes, pos);
				System.arraycopy(word, 0, bytes, pos, word.length);
				pos += word.length;
			}
			bytes[pos++] = 0;
		}
		return bytes;
	}

}
