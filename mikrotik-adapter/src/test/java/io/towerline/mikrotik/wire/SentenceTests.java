package io.towerline.mikrotik.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the parts of a sentence without ever re-splitting a value. */
class SentenceTests {

	@Test
	void shouldSplitAttributesAtTheSecondEqualsSignOnly() {
		Sentence sentence = Sentence.of("!re", "=name=a=b", "=empty=", "=bare", "=comment=x\n=name=spoof");
		assertThat(sentence.attributes()).containsExactly(entry("name", "a=b"), entry("empty", ""), entry("bare", ""),
				entry("comment", "x\n=name=spoof"));
	}

	@Test
	void shouldSkipTheCommandWordWhenReadingAttributes() {
		assertThat(Sentence.of("=looks=like-one", "=name=x").attributes()).containsOnlyKeys("name");
		assertThat(Sentence.of("=looks=like-one").rawAttributes()).isEmpty();
		assertThat(Sentence.of("?x=1").queries()).isEmpty();
		assertThat(Sentence.of(".tag=7").tag()).isNull();
	}

	@Test
	void shouldKeepRawValuesAsBytes() {
		byte[] latin = "=comment=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
		Sentence sentence = Sentence.ofWords(List.of("!re".getBytes(StandardCharsets.US_ASCII), latin,
				"=bare".getBytes(StandardCharsets.US_ASCII), "=n=v".getBytes(StandardCharsets.US_ASCII)));
		assertThat(sentence.rawAttributes()).containsOnlyKeys("comment", "bare", "n");
		assertThat(sentence.rawAttributes().get("comment"))
			.containsExactly("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(sentence.rawAttributes().get("bare")).isEmpty();
		assertThat(sentence.rawAttribute("comment")).containsExactly("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(sentence.rawAttribute("n")).containsExactly('v');
		assertThat(sentence.rawAttribute("missing")).isNull();
		assertThat(sentence.rawAttribute("comm")).isNull();
	}

	@Test
	void shouldFindTheTagAnywhereAfterTheFirstWord() {
		assertThat(Sentence.of("!re", "=a=b", ".tag=42").tag()).isEqualTo("42");
		assertThat(Sentence.of("!done", ".tag=").tag()).isEmpty();
		assertThat(Sentence.of("!done", ".ta").tag()).isNull();
		assertThat(Sentence.of("!done").tag()).isNull();
	}

	@Test
	void shouldTellBareWordsFromAttributesQueriesAndTags() {
		Sentence sentence = Sentence.of("!fatal", "not logged in", "", "=a=b", "?name=x", ".tag=3", "=");
		assertThat(sentence.bareWords()).containsExactly("not logged in", "");
		assertThat(sentence.queries()).containsExactly("name=x");
		assertThat(Sentence.of("/print", "?", "?#|").queries()).containsExactly("", "#|");
	}

	@Test
	void shouldNameTheFirstWordOrNothing() {
		assertThat(Sentence.of("!done").first()).isEqualTo("!done");
		assertThat(Sentence.of().first()).isEmpty();
		assertThat(Sentence.of("a", "b").size()).isEqualTo(2);
		assertThat(Sentence.of("a", "b").word(1)).isEqualTo("b");
	}

	@Test
	void shouldCountEncodedSizeWithPrefixesAndTerminator() {
		assertThat(Sentence.of().encodedSize()).isEqualTo(1);
		assertThat(Sentence.of("!done").encodedSize()).isEqualTo(1 + 5 + 1);
		String long128 = "x".repeat(0x80);
		assertThat(Sentence.of(long128).encodedSize()).isEqualTo(2 + 0x80 + 1);
		for (Sentence sentence : List.of(Sentence.of("!re", "=a=" + "y".repeat(0x4000)),
				Sentence.of("/x", "=b=" + "z".repeat(0x7F)))) {
			assertThat(SentenceWriter.encode(List.of(sentence))).hasSize(sentence.encodedSize());
		}
	}

	@Test
	void shouldMaskPasswordsAndResponsesWhenPrinted() {
		Sentence sentence = Sentence.of("/login", "=name=admin", "=password=s3cret=x", "=response=00abc",
				"=comment=a\r\nb");
		assertThat(sentence.toString()).isEqualTo("/login =name=admin =password=*** =response=*** =comment=a\\r\\nb");
	}

	private static Map.Entry<String, String> entry(String key, String value) {
		return Map.entry(key, value);
	}

}
