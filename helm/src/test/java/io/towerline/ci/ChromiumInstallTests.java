package io.towerline.ci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code .ci/install-chromium}'s install branch, which a machine that has Chromium never
 * runs: in its dry run it takes that branch as if Chromium were missing and apt simulates
 * the install, so a wrong package name, apt option or script error fails here rather than
 * on the first fresh CI machine.
 */
class ChromiumInstallTests {

	private static final Path SCRIPT = Path.of("..", ".ci", "install-chromium");

	@Test
	void shouldResolveChromiumThroughAptAsIfItWereMissing() throws Exception {
		// only this test needs Debian's apt and its package lists (apt simulates against
		// the lists as they are, and refreshing them needs the network and root: CI never
		// does it for this test); the others run anywhere. Each reason is the skip's
		// message in the report.
		assumeTrue(onPath("apt-get"), "needs Debian's apt-get on PATH (CI's machine)");
		String policy = run(Map.of(), "apt-cache", "policy", "chromium").stdout();
		assumeTrue(policy.contains("Candidate:") && !policy.contains("Candidate: (none)"),
				() -> "apt has no package list offering chromium (run apt-get update); apt-cache policy said: "
						+ policy.strip().lines().findFirst().orElse("nothing"));
		Outcome dryRun = run(Map.of("CHROMIUM_INSTALL_DRY_RUN", "1"), SCRIPT.toString());
		assertThat(dryRun.exitCode()).as(dryRun.stderr()).isZero();
		assertThat(dryRun.stderr()).contains("Chromium not found; installing Debian's chromium package")
			.containsPattern("(Inst chromium |chromium is already the newest version)")
			.containsPattern("(Inst fonts-dejavu-core |fonts-dejavu-core is already the newest version)");
		// a dry run hands .ci/run no browser path
		assertThat(dryRun.stdout()).isEmpty();
	}

	@Test
	void shouldFailWhenAptCannotInstall(@TempDir Path bin) throws Exception {
		Path failingApt = bin.resolve("apt-get");
		Files.writeString(failingApt, "#!/bin/sh\necho 'E: Unable to locate package chromium' >&2\nexit 100\n");
		Files.setPosixFilePermissions(failingApt, PosixFilePermissions.fromString("rwxr-xr-x"));
		Outcome dryRun = run(Map.of("CHROMIUM_INSTALL_DRY_RUN", "1", "PATH", bin + ":" + System.getenv("PATH")),
				SCRIPT.toString());
		assertThat(dryRun.exitCode()).isEqualTo(100);
		assertThat(dryRun.stderr()).contains("Unable to locate package chromium");
		assertThat(dryRun.stdout()).isEmpty();
	}

	@Test
	void shouldPrintTheBrowserItFindsWithoutInstalling() throws Exception {
		assumeTrue(onPath("chromium") || Files.isExecutable(Path.of("/usr/bin/chromium")),
				"no Chromium on PATH or at /usr/bin/chromium");
		Outcome found = run(Map.of(), SCRIPT.toString());
		assertThat(found.exitCode()).as(found.stderr()).isZero();
		assertThat(found.stderr()).doesNotContain("installing");
		assertThat(Path.of(found.stdout().strip())).isExecutable();
	}

	private static boolean onPath(String command) throws Exception {
		return run(Map.of(), "sh", "-c", "command -v " + command).exitCode() == 0;
	}

	private static Outcome run(Map<String, String> environment, String... command)
			throws IOException, InterruptedException {
		Path stderr = Files.createTempFile("install-chromium", ".err");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
			builder.environment().remove("CHROMIUM_PATH");
			builder.environment().putAll(environment);
			Process process = builder.start();
			process.getOutputStream().close();
			String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			// a guard against a hung apt, not a measure: a simulation answers in a second
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
			return new Outcome(process.exitValue(), stdout, Files.readString(stderr));
		}
		finally {
			Files.delete(stderr);
		}
	}

	private record Outcome(int exitCode, String stdout, String stderr) {
	}

}
