package io.towerline.mikrotik.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One API sentence: its words as raw bytes, exactly as they travel. Values are only
 * turned into text on demand, so a value holding CR, LF, {@code "\n!"} or
 * {@code "\n=key=val"} stays one value (D2, D3, D4).
 */
public final class Sentence {

	private static final byte[] TAG_PREFIX = RouterText.encode(".tag=");

	private final List<byte[]> words;

	private Sentence(List<byte[]> words) {
		this.words = words;
	}

	/** Wraps words; the byte arrays are not copied, the caller hands them over. */
	public static Sentence ofWords(List<byte[]> words) {
		return new Sentence(List.copyOf(words));
	}

	public static Sentence of(String... words) {
		return ofTexts(Arrays.asList(words));
	}

	static Sentence ofTexts(List<String> words) {
		List<byte[]> encoded = new ArrayList<>(words.size());
		for (String word : words) {
			encoded.add(RouterText.encode(word));
		}
		return new Sentence(encoded);
	}

	public List<byte[]> words() {
		return this.words;
	}

	public int size() {
		return this.words.size();
	}

	public String word(int index) {
		return RouterText.decode(this.words.get(index));
	}

	/** The command or reply word ({@code /ppp/secret/print}, {@code !re}, ...). */
	public String first() {
		return this.words.isEmpty() ? "" : word(0);
	}

	/**
	 * The value of the {@code .tag} API attribute wherever it sits in the sentence, or
	 * null.
	 */
	public @Nullable String tag() {
		for (int i = 1; i < this.words.size(); i++) {
			byte[] word = this.words.get(i);
			if (startsWith(word, TAG_PREFIX)) {
				return RouterText.decode(word, TAG_PREFIX.length, word.length - TAG_PREFIX.length);
			}
		}
		return null;
	}

	/**
	 * The attribute words ({@code =name=value}) in order, decoded. The name ends at the
	 * second {@code =}; the value is everything after it and may itself contain
	 * {@code =}, CR or LF.
	 */
	public Map<String, String> attributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (int i = 1; i < this.words.size(); i++) {
			byte[] word = this.words.get(i);
			if (word.length > 0 && word[0] == '=') {
				int split = indexOf(word, (byte) '=', 1);
				if (split < 0) {
					attributes.put(RouterText.decode(word, 1, word.length - 1), "");
				}
				else {
					attributes.put(RouterText.decode(word, 1, split - 1),
							RouterText.decode(word, split + 1, word.length - split - 1));
				}
			}
		}
		return attributes;
	}

	/**
	 * The attribute words with names decoded and values left as raw bytes, so that binary
	 * values (file chunks) and non-UTF-8 text survive, and values nobody reads are never
	 * decoded.
	 */
	public Map<String, byte[]> rawAttributes() {
		Map<String, byte[]> attributes = new LinkedHashMap<>();
		for (int i = 1; i < this.words.size(); i++) {
			byte[] word = this.words.get(i);
			if (word.length > 0 && word[0] == '=') {
				int split = indexOf(word, (byte) '=', 1);
				int nameEnd = (split < 0) ? word.length : split;
				byte[] value = (split < 0) ? new byte[0] : Arrays.copyOfRange(word, split + 1, word.length);
				attributes.put(RouterText.decode(word, 1, nameEnd - 1), value);
			}
		}
		return attributes;
	}

	/**
	 * The raw bytes of one attribute value, for callers that must not lose non-UTF-8
	 * bytes.
	 */
	public byte @Nullable [] rawAttribute(String name) {
		byte[] prefix = RouterText.encode("=" + name + "=");
		for (int i = 1; i < this.words.size(); i++) {
			byte[] word = this.words.get(i);
			if (startsWith(word, prefix)) {
				return Arrays.copyOfRange(word, prefix.length, word.length);
			}
		}
		return null;
	}

	/**
	 * The words that are neither attributes, queries nor the tag (e.g. the bare reason of
	 * {@code !fatal}).
	 */
	public List<String> bareWords() {
		List<String> bare = new ArrayList<>();
		for (int i = 1; i < this.words.size(); i++) {
			byte[] word = this.words.get(i);
			if (word.length == 0 || (word[0] != '=' && word[0] != '?' && !startsWith(word, TAG_PREFIX))) {
				bare.add(RouterText.decode(word));
			}
		}
		return bare;
	}

	/**
	 * The query words ({@code ?name=x}, {@code ?=name=x}, {@code ?#|}, ...) in order,
	 * without the {@code ?}.
	 */
	public List<String> queries() {
		List<String> queries = new ArrayList<>();
		for (int i = 1; i < this.words.size(); i++) {
			byte[] word = this.words.get(i);
			if (word.length > 0 && word[0] == '?') {
				queries.add(RouterText.decode(word, 1, word.length - 1));
			}
		}
		return queries;
	}

	/** Total bytes on the wire, prefixes and terminator included. */
	public int encodedSize() {
		int size = 1;
		for (byte[] word : this.words) {
			size += WordLength.prefixSize(word.length) + word.length;
		}
		return size;
	}

	static boolean startsWith(byte[] word, byte[] prefix) {
		if (word.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (word[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] word, byte b, int from) {
		for (int i = from; i < word.length; i++) {
			if (word[i] == b) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Printable form for logs and test failures; passwords and challenge responses are
	 * masked.
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		for (byte[] word : this.words) {
			String decoded = RouterText.decode(word);
			if (decoded.startsWith("=password=") || decoded.startsWith("=response=")) {
				decoded = decoded.substring(0, decoded.indexOf('=', 1) + 1) + "***";
			}
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(decoded.replace("\r", "\\r").replace("\n", "\\n"));
		}
		return text.toString();
	}

}
