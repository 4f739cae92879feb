package io.towerline.mikrotik.command;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.towerline.mikrotik.wire.Sentence;
import io.towerline.mikrotik.wire.SentenceReader;
import io.towerline.mikrotik.wire.SentenceWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the command builder (run with {@code -Pfuzz}; otherwise the
 * stored inputs replay): any path, property name and values either are refused with
 * {@link UnrepresentableValueException} before anything is written, or reach the wire as
 * exactly one word each and decode back to the same path, names and values: no value can
 * add, drop or change a word.
 */
class CommandFuzzTests {

	@FuzzTest(maxDuration = "3m")
	void everyValueTravelsVerbatimOrIsRefused(FuzzedDataProvider data) throws IOException {
		String path = data.consumeString(40);
		String name = data.consumeString(20);
		String text = data.consumeString(200);
		String query = data.consumeString(60);
		String value = data.consumeRemainingAsString();
		Sentence sentence;
		try {
			sentence = Command.to(path)
				.with(name, value)
				.withText("comment", text)
				.withSecret("password", value)
				.whereEquals("name", query)
				.build()
				.toSentence("t1");
		}
		catch (UnrepresentableValueException refused) {
			return;
		}
		Sentence read = new SentenceReader(new ByteArrayInputStream(SentenceWriter.encode(sentence))).read();
		assertThat(read).isNotNull();
		assertThat(read.first()).isEqualTo(path);
		assertThat(read.tag()).isEqualTo("t1");
		assertThat(read.size()).isEqualTo(sentence.size());
		if (!name.equals("comment") && !name.equals("password")) {
			assertThat(read.attributes()).containsEntry(name, value);
		}
		assertThat(read.attributes()).containsEntry("comment", text).containsEntry("password", value);
		assertThat(read.queries()).contains("=name=" + query);
	}

}
