package io.towerline.api.subscriber;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.towerline.core.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the CSV reader (run with {@code -Pfuzz}; otherwise the
 * stored inputs replay): any text is either refused naming a line of the file, or read
 * into records whose line numbers rise and stay inside the file, and which read back the
 * same after being written out again with every field quoted.
 */
class CsvReaderFuzzTests {

	@FuzzTest(maxDuration = "3m")
	void anyTextIsReadOrRefusedNamingALine(@NotNull String text) {
		int lines = 1 + (int) text.replace("\r\n", "\n").chars().filter((c) -> c == '\n' || c == '\r').count();
		List<CsvReader.Row> rows;
		try {
			rows = CsvReader.read(text);
		}
		catch (InvalidInputException refused) {
			String message = refused.errors().get(0).message();
			assertThat(message).startsWith("Line ");
			int line = Integer.parseInt(message.substring(5, message.indexOf(':')));
			assertThat(line).isBetween(1, lines);
			return;
		}
		int previous = 0;
		StringBuilder again = new StringBuilder();
		for (CsvReader.Row row : rows) {
			assertThat(row.line()).isGreaterThan(previous).isLessThanOrEqualTo(lines);
			previous = row.line();
			List<String> quoted = row.fields().stream().map((f) -> "\"" + f.replace("\"", "\"\"") + "\"").toList();
			again.append(String.join(",", quoted)).append('\n');
		}
		assertThat(CsvReader.read(again.toString())).extracting(CsvReader.Row::fields)
			.isEqualTo(rows.stream().map(CsvReader.Row::fields).toList());
	}

}
