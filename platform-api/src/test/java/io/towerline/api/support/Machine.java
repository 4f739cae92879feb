package io.towerline.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a benchmark ran on, for its report: cores, JDK and the load average, because other
 * work often shares the machine and makes timings noisy.
 */
public final class Machine {

	private Machine() {
	}

	public static String describe() {
		return String.format("%d cores, JDK %s, load average %s", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), loadAverage());
	}

	public static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
