package io.towerline.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's files as the architecture tests read them: listed by ending (no
 * {@code node_modules}), in a stable order, read as text.
 */
final class SourceFiles {

	private SourceFiles() {
	}

	/** The files under {@code root} whose names end with one of {@code suffixes}. */
	static List<Path> under(Path root, String... suffixes) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> Stream.of(suffixes).anyMatch((suffix) -> path.toString().endsWith(suffix)))
				.filter((path) -> !path.toString().contains("node_modules"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
