package io.towerline.mikrotik.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects benchmark lines, prints them and writes them to
 * {@code target/benchmarks/<name>.md}. No assertions.
 */
final class BenchmarkReport {

	private final String name;

	private final List<String> lines = new ArrayList<>();

	BenchmarkReport(String name, String title) {
		this.name = name;
		this.lines.add("# " + title);
		this.lines.add("");
		this.lines.add("JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
				+ " CPUs, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
		this.lines.add("");
	}

	BenchmarkReport line(String line) {
		this.lines.add(line);
		return this;
	}

	void write() {
		String text = String.join("\n", this.lines) + "\n";
		System.out.println(text);
		try {
			Path directory = Files.createDirectories(Path.of("target", "benchmarks"));
			Files.writeString(directory.resolve(this.name + ".md"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Median of the samples, in milliseconds. */
	static double medianMillis(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

}
