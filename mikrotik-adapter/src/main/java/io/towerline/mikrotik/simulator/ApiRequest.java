package io.towerline.mikrotik.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.towerline.mikrotik.wire.Sentence;
import org.jspecify.annotations.Nullable;

/**
 * One command sentence as the simulator sees it; attribute values and queries are raw
 * (see {@link RawText}).
 *
 * @param path the command word, e.g. {@code /ppp/secret/print}
 * @param attributes {@code =name=value} words in order
 * @param queries {@code ?} words in order, without the {@code ?}
 * @param tag the {@code .tag} value, or null for an untagged command
 */
record ApiRequest(String path, Map<String, String> attributes, List<String> queries, @Nullable String tag) {

	static ApiRequest parse(Sentence sentence) {
		List<byte[]> words = sentence.words();
		String path = RawText.of(words.get(0), 0, words.get(0).length);
		Map<String, String> attributes = new LinkedHashMap<>();
		List<String> queries = new ArrayList<>();
		String tag = null;
		for (byte[] word : words.subList(1, words.size())) {
			String raw = RawText.of(word, 0, word.length);
			if (raw.startsWith("=")) {
				int split = raw.indexOf('=', 1);
				if (split < 0) {
					attributes.put(raw.substring(1), "");
				}
				else {
					attributes.put(raw.substring(1, split), raw.substring(split + 1));
				}
			}
			else if (raw.startsWith("?")) {
				queries.add(raw.substring(1));
			}
			else if (raw.startsWith(".tag=")) {
				tag = raw.substring(5);
			}
		}
		return new ApiRequest(path, attributes, queries, tag);
	}

	@Nullable String attribute(String name) {
		return this.attributes.get(name);
	}

	boolean has(String name) {
		return this.attributes.containsKey(name);
	}

	/** A yes/no flag: present without a value, or {@code yes}/{@code true}. */
	boolean flag(String name) {
		String value = this.attributes.get(name);
		return value != null && (value.isEmpty() || value.equals("yes") || value.equals("true"));
	}

	/** The {@code .proplist} entries, or null when every property is wanted. */
	@Nullable List<String> proplist() {
		String value = this.attributes.get(".proplist");
		return (value != null) ? Arrays.asList(value.split(",")) : null;
	}

	/**
	 * The menu path without the trailing command word: {@code /ppp/secret} for
	 * {@code /ppp/secret/print}.
	 */
	String menu() {
		return this.path.substring(0, this.path.lastIndexOf('/'));
	}

	String command() {
		return this.path.substring(this.path.lastIndexOf('/') + 1);
	}

}
