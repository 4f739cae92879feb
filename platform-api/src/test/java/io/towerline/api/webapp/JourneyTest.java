package io.towerline.api.webapp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.towerline.api.support.ApiTest;
import io.towerline.core.actor.Actor;
import io.towerline.core.identity.UserDirectory;
import io.towerline.core.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Base of the browser journeys: the real platform on a port (embedded PostgreSQL; one
 * Spring context shared by every journey class, so keep this class's annotations and add
 * none in a subclass), Debian's Chromium driven by playwright-core running a script in
 * {@code web-client/e2e/} (shared pieces in {@code e2e/lib.mjs}). A journey checks what
 * the browser shows; its Java test then checks what reached the platform or the router
 * from the script's {@code results.json}. Skipped only where no Chromium is installed
 * ({@code .ci/install-chromium} installs it in CI). Screenshots go to
 * {@code target/e2e/screenshots}, or to {@code -Dtowerline.e2e.screenshot-dir}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// issue 13, who is online: journeys watch sessions come and go, so routers are tracked
@TestPropertySource(properties = "towerline.test.track-sessions=true")
abstract class JourneyTest extends ApiTest {

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	/**
	 * A user with {@code roles} ("PLATFORM_ADMIN" for a platform admin) and its password.
	 */
	protected Credentials newUser(TenantId tenant, String prefix, String... roles) {
		String username = prefix + "-" + Long.toString(System.nanoTime(), 36);
		String password = "journey-" + UUID.randomUUID();
		this.users.create(Actor.system("e2e"), tenant, username, username + "@example.com", Set.of(roles), password);
		return new Credentials(username, password);
	}

	/**
	 * Runs {@code web-client/e2e/<script>} with the common environment and
	 * {@code environment}, fails with its log when it fails, and returns its
	 * {@code results.json}.
	 */
	protected Map<?, ?> runJourney(String script, Map<String, String> environment) throws Exception {
		return runJourney(script, environment, Duration.ofMinutes(10));
	}

	/**
	 * As {@link #runJourney(String, Map)}, for a script that may take longer than ten
	 * minutes (a benchmark's).
	 */
	protected Map<?, ?> runJourney(String script, Map<String, String> environment, Duration limit) throws Exception {
		Optional<Path> chromium = chromium();
		assumeThat(chromium).as("Chromium (install it with .ci/install-chromium)").isPresent();
		Path webClient = Path.of("..", "web-client").toAbsolutePath().normalize();
		String name = script.replace(".mjs", "");
		Path out = Path.of("target", "e2e", name).toAbsolutePath();
		Files.createDirectories(out);
		Files.deleteIfExists(out.resolve("results.json"));
		String screenshots = System.getProperty("towerline.e2e.screenshot-dir",
				Path.of("target", "e2e", "screenshots").toAbsolutePath().toString());
		ProcessBuilder process = new ProcessBuilder(node(webClient), "e2e/" + script).directory(webClient.toFile())
			.redirectErrorStream(true)
			.redirectOutput(out.resolve("e2e.log").toFile());
		Map<String, String> env = process.environment();
		env.put("BASE_URL", "http://127.0.0.1:" + this.port);
		env.put("CHROMIUM_PATH", chromium.get().toString());
		env.put("OUT_DIR", out.toString());
		env.put("SCREENSHOT_DIR", Path.of(screenshots).toAbsolutePath().toString());
		env.putAll(environment);
		Process running = process.start();
		boolean finished = running.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
		if (!finished) {
			running.destroyForcibly();
		}
		String log = Files.readString(out.resolve("e2e.log"));
		assertThat(finished && running.exitValue() == 0).as("browser journey e2e/%s:%n%s", script, log).isTrue();
		Map<?, ?> results = JsonMapper.builder().build().readValue(out.resolve("results.json").toFile(), Map.class);
		assertThat(results.get("ok")).as("e2e/%s finished every step:%n%s", script, log).isEqualTo(true);
		return results;
	}

	/** Environment entries for a map literal with more than ten of them. */
	protected static Map<String, String> environment(String... keysAndValues) {
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static Optional<Path> chromium() {
		Stream<String> candidates = Stream.concat(Stream.ofNullable(System.getenv("CHROMIUM_PATH")),
				Stream.of("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser"));
		return candidates.filter((path) -> !path.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
	}

	/**
	 * The Node the web-client build used: its own copy when it fetched one, else the
	 * machine's.
	 */
	private static String node(Path webClient) {
		File fetched = webClient.resolve("target/node/package/bin/node").toFile();
		return fetched.canExecute() ? fetched.getPath() : "node";
	}

	/** A user's name and password, for the journey to sign in with. */
	protected record Credentials(String username, String password) {
	}

}
