package io.towerline.mikrotik.wire;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the wire decoder (run with {@code -Pfuzz}; otherwise the
 * stored inputs replay): any bytes from a router either decode into sentences, end in
 * EOF, or are a {@link WireProtocolException}; nothing else escapes, and every decoded
 * sentence survives its text accessors and re-encodes to the same words.
 */
class SentenceCodecFuzzTests {

	@FuzzTest(maxDuration = "3m")
	void anyBytesDecodeToSentencesOrAProtocolError(byte @NotNull [] bytes) throws IOException {
		SentenceReader reader = new SentenceReader(new ByteArrayInputStream(bytes), 64 * 1024);
		try {
			Sentence sentence;
			while ((sentence = reader.read()) != null) {
				assertThat(sentence.size()).isPositive();
				sentence.first();
				sentence.tag();
				sentence.attributes();
				sentence.rawAttributes();
				sentence.bareWords();
				sentence.queries();
				sentence.toString();
				Sentence again = new SentenceReader(new ByteArrayInputStream(SentenceWriter.encode(sentence))).read();
				assertThat(again).isNotNull();
				assertThat(again.words()).hasSameSizeAs(sentence.words());
				for (int i = 0; i < sentence.size(); i++) {
					assertThat(again.words().get(i)).isEqualTo(sentence.words().get(i));
				}
				assertThat(again.encodedSize()).isEqualTo(sentence.encodedSize());
			}
		}
		catch (WireProtocolException | EOFException expected) {
			// refused framing or a sentence cut off: what a broken router stream looks
			// like
		}
	}

}
