package io.towerline.mikrotik.wire;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SentenceReaderTests {

	@Test
	void shouldRoundTripSentencesWithAnyBytesInValues() throws IOException {
		Sentence first = Sentence.of("!re", ".tag=a", "=comment=line1\r\n!re\n=name=spoof", "=password=a=b");
		Sentence big = Sentence.of("!re", "=contents=" + "x".repeat(0x30000));
		byte[] bytes = SentenceWriter.encode(List.of(first, big, Sentence.of("!done", ".tag=a")));
		SentenceReader reader = new SentenceReader(new ByteArrayInputStream(bytes));
		Sentence read = reader.read();
		assertThat(read.tag()).isEqualTo("a");
		assertThat(read.attributes()).containsEntry("comment", "line1\r\n!re\n=name=spoof")
			.containsEntry("password", "a=b")
			.hasSize(2);
		assertThat(reader.read().attributes().get("contents")).hasSize(0x30000);
		assertThat(reader.read().first()).isEqualTo("!done");
		assertThat(reader.read()).isNull();
	}

	@Test
	void shouldSkipEmptySentences() throws IOException {
		byte[] bytes = { 0, 0, 5, '!', 'd', 'o', 'n', 'e', 0 };
		assertThat(new SentenceReader(new ByteArrayInputStream(bytes)).read().first()).isEqualTo("!done");
	}

	@Test
	void shouldFailOnAStreamEndingInsideASentenceOrWord() {
		byte[] insideSentence = { 3, '!', 'r', 'e' };
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> new SentenceReader(new ByteArrayInputStream(insideSentence)).read());
		byte[] insideWord = { 5, '!', 'd' };
		assertThatExceptionOfType(EOFException.class)
			.isThrownBy(() -> new SentenceReader(new ByteArrayInputStream(insideWord)).read());
	}

	@Test
	void shouldRefuseWordsOverTheLimit() {
		byte[] bytes = Arrays.copyOf(new byte[] { (byte) 0xC0, 0x10, 0x00 }, 10);
		assertThatExceptionOfType(WireProtocolException.class)
			.isThrownBy(() -> new SentenceReader(new ByteArrayInputStream(bytes), 1024).read());
	}

	@Test
	void shouldFindTheTagAnywhereAndKeepRawBytes() {
		byte[] latin1 = { '=', 'c', '=', (byte) 0xE9 };
		Sentence sentence = Sentence.ofWords(List.of("!re".getBytes(), latin1, ".tag=z".getBytes()));
		assertThat(sentence.tag()).isEqualTo("z");
		assertThat(sentence.rawAttributes().get("c")).containsExactly((byte) 0xE9);
		assertThat(sentence.attributes()).containsEntry("c", "é");
	}

}
