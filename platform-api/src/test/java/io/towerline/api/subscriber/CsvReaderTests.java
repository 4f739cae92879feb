package io.towerline.api.subscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.towerline.core.error.InvalidInputException;
import io.towerline.core.subscriber.BulkOutcome.RejectedRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The CSV reader on generated files: every combination of quoted fields with embedded
 * line breaks, commas and quotes, LF or CRLF, a byte-order mark or none, a trailing line
 * break or none. Each record must come back as written, numbered by the physical line it
 * starts on; broken quoting must be refused naming the line where it broke.
 */
class CsvReaderTests {

	private static final String[] PIECES = { "a", "b c", ",", "\"", "\n", "\r\n", "é", "🙂", " ", "x=y", "'" };

	@Test
	void shouldReadGeneratedFilesBackWithPhysicalLineNumbers() {
		Random random = new Random(15);
		for (int file = 0; file < 2_000; file++) {
			boolean crlf = random.nextBoolean();
			boolean bom = random.nextBoolean();
			boolean trailingBreak = random.nextBoolean();
			List<List<String>> records = new ArrayList<>();
			List<Integer> lines = new ArrayList<>();
			StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
			int line = 1;
			int count = 1 + random.nextInt(8);
			for (int r = 0; r < count; r++) {
				List<String> fields = new ArrayList<>();
				int width = 1 + random.nextInt(4);
				for (int f = 0; f < width; f++) {
					fields.add(value(random));
				}
				if (width == 1 && fields.get(0).isEmpty()) {
					fields.set(0, "lonely");
				}
				records.add(fields);
				lines.add(line);
				for (int f = 0; f < width; f++) {
					String value = fields.get(f);
					boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n")
							|| value.contains("\r") || random.nextInt(4) == 0;
					text.append(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
					text.append((f < width - 1) ? "," : "");
					line += breaks(value);
				}
				if (r < count - 1 || trailingBreak) {
					text.append(crlf ? "\r\n" : "\n");
					line++;
				}
			}
			List<CsvReader.Row> rows = CsvReader.read(text.toString());
			String described = text.toString().replace("\r", "\\r").replace("\n", "\\n\n");
			assertThat(rows).as(described).hasSameSizeAs(records);
			for (int r = 0; r < rows.size(); r++) {
				assertThat(rows.get(r).fields()).as(described).isEqualTo(records.get(r));
				assertThat(rows.get(r).line()).as("line of record %d in\n%s", r, described).isEqualTo(lines.get(r));
			}
		}
	}

	@Test
	void shouldRefuseAnUnterminatedQuoteNamingTheLineItOpensOn() {
		String csv = "username,password,plan,router\nu1,\"pass\nword\",p,r\nu2,\"never closed,p,r\nu3,secret,p,r\n";
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> CsvReader.read(csv))
			.satisfies((ex) -> assertThat(ex.errors().get(0).message()).startsWith("Line 4:").contains("never closed"))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("csv"));
	}

	@Test
	void shouldRefuseAQuoteThatWouldSwallowLaterRows() {
		// the stray quote on line 2 pairs with the one on line 4: a lenient reader makes
		// one
		// field of lines 2 to 4 and loses two rows
		String csv = "username,password,plan,router\nu1,pa\"ss,p,r\nu2,secret,p,r\nu3,x\"y,p,r\n";
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> CsvReader.read(csv))
			.satisfies((ex) -> assertThat(ex.errors().get(0).message()).startsWith("Line 2:"));
		String afterClosing = "a,b\n\"x\"y,z\n";
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> CsvReader.read(afterClosing))
			.satisfies((ex) -> assertThat(ex.errors().get(0).message()).startsWith("Line 2:"));
	}

	@Test
	void shouldAcceptAByteOrderMarkBeforeTheHeader() {
		UUID plan = UUID.randomUUID();
		UUID router = UUID.randomUUID();
		SubscriberCsv.Parsed parsed = SubscriberCsv.parse(
				"\uFEFFusername,password,plan,router\r\nu1,secret-1,home,r1\r\n", Map.of("home", plan),
				Map.of("r1", router));
		assertThat(parsed.drafts()).singleElement().satisfies((draft) -> {
			assertThat(draft.username()).isEqualTo("u1");
			assertThat(draft.planId()).isEqualTo(plan);
		});
		assertThat(parsed.rejected()).isEmpty();
	}

	@Test
	void shouldNumberRejectedRowsByTheirPhysicalLineInALargeFile() {
		UUID plan = UUID.randomUUID();
		UUID router = UUID.randomUUID();
		Random random = new Random(10_000);
		StringBuilder csv = new StringBuilder("username,password,plan,router,notes\n");
		int line = 2;
		List<Integer> badLines = new ArrayList<>();
		for (int row = 0; row < 10_000; row++) {
			boolean bad = row % 20 == 7;
			boolean multiline = random.nextInt(10) == 0;
			if (bad) {
				badLines.add(line);
			}
			String notes = multiline ? "\"first line\nsecond, line\"" : "plain";
			csv.append("user-")
				.append(row)
				.append(",secret-")
				.append(row)
				.append(',')
				.append(bad ? "nope" : "home")
				.append(",r1,")
				.append(notes)
				.append('\n');
			line += multiline ? 2 : 1;
		}
		SubscriberCsv.Parsed parsed = SubscriberCsv.parse(csv.toString(), Map.of("home", plan), Map.of("r1", router));
		assertThat(parsed.rejected()).extracting(RejectedRow::row).containsExactlyElementsOf(badLines).hasSize(500);
		assertThat(parsed.drafts()).hasSize(9_500);
	}

	private static String value(Random random) {
		StringBuilder value = new StringBuilder();
		int pieces = random.nextInt(4);
		for (int i = 0; i < pieces; i++) {
			value.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return value.toString();
	}

	private static int breaks(String value) {
		return value.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1).length - 1;
	}

}
