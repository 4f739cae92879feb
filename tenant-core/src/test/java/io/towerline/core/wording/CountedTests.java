package io.towerline.core.wording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts are written with the singular for one and the plural otherwise, and no text the
 * platform writes says "noun(s)" (ADR 0265).
 */
class CountedTests {

	/** A string literal with a word followed by "(s)". */
	private static final Pattern PARENTHESISED_PLURAL = Pattern.compile("\"[^\"\\n]*\\w\\(s\\)[^\"\\n]*\"");

	/**
	 * The simulator repeats RouterOS's own error texts ("missing value(s) of
	 * argument(s)"), which the adapter must recognise as the router writes them.
	 */
	private static final String ROUTER_OS_TEXTS = "io/towerline/mikrotik/simulator/";

	@Test
	void shouldWriteTheSingularForExactlyOneAndThePluralOtherwise() {
		assertThat(Counted.of(1, "subscriber")).isEqualTo("1 subscriber");
		assertThat(Counted.of(0, "subscriber")).isEqualTo("0 subscribers");
		assertThat(Counted.of(2, "day")).isEqualTo("2 days");
		assertThat(Counted.of(-1, "day")).isEqualTo("-1 days");
		assertThat(Counted.of(11, "subscriber")).isEqualTo("11 subscribers");
		assertThat(Counted.of(1, "command")).isEqualTo("1 command");
	}

	@Test
	void shouldTakeAnIrregularPlural() {
		assertThat(Counted.of(1, "tenant schema", "tenant schemas")).isEqualTo("1 tenant schema");
		assertThat(Counted.of(3, "entry", "entries")).isEqualTo("3 entries");
	}

	@Test
	void shouldFindNoParenthesisedPluralInAnyTextThePlatformWrites() throws IOException {
		List<Path> modules;
		try (Stream<Path> children = Files.list(Path.of("..").toAbsolutePath().normalize())) {
			modules = children.map((module) -> module.resolve("src/main/java")).filter(Files::isDirectory).toList();
		}
		assertThat(modules).as("the modules' sources").hasSizeGreaterThanOrEqualTo(3);
		List<String> found = new ArrayList<>();
		for (Path module : modules) {
			try (Stream<Path> sources = Files.walk(module)) {
				sources.filter((path) -> path.toString().endsWith(".java"))
					.filter((
							path) -> !module.relativize(path).toString().replace('\\', '/').startsWith(ROUTER_OS_TEXTS))
					.flatMap(CountedTests::literalsWithParenthesisedPlurals)
					.forEach(found::add);
			}
		}
		assertThat(found).as("texts writing \"(s)\"; write the count with Counted instead").isEmpty();
	}

	@Test
	void shouldRecogniseAParenthesisedPlural() {
		assertThat(PARENTHESISED_PLURAL.matcher("return count + \" subscriber(s)\";").find()).isTrue();
		assertThat(PARENTHESISED_PLURAL.matcher("log.warn(\"{} command(s) sent\", n);").find()).isTrue();
		assertThat(PARENTHESISED_PLURAL.matcher("return Counted.of(count, \"subscriber\");").find()).isFalse();
	}

	private static Stream<String> literalsWithParenthesisedPlurals(Path source) {
		try {
			List<String> lines = Files.readAllLines(source);
			return lines.stream()
				.filter((line) -> PARENTHESISED_PLURAL.matcher(line).find())
				.map((line) -> source.getFileName() + ": " + line.strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
