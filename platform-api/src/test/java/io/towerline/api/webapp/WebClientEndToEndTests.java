package io.towerline.api.webapp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.towerline.api.support.ApiTest;
import io.towerline.core.actor.Actor;
import io.towerline.core.identity.UserDirectory;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The web client end to end: the real platform on a port (embedded PostgreSQL), a
 * RouterOS simulator, and Debian's Chromium driven by playwright-core running
 * {@code web-client/e2e/run.mjs} (console journey, router, import, subscriber, suspend,
 * bulk CSV, a viewer without mutations). The script checks what the browser shows; this
 * test then checks what reached the router. Skipped only where no Chromium is installed
 * ({@code .ci/install-chromium} installs it in CI). Screenshots go to
 * {@code target/e2e/screenshots}, or to {@code -Dtowerline.e2e.screenshot-dir}. Shares
 * {@link ApiTest}'s database and data directory (its signing keys are sealed there).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebClientEndToEndTests extends ApiTest {

	private static final String ADMIN_PASSWORD = "e2e-platform-" + UUID.randomUUID();

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	private RouterOsSimulator router;

	@BeforeEach
	void startRouter() {
		this.router = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.secrets(20)
			.start();
	}

	@AfterEach
	void stopRouter() {
		this.router.close();
	}

	@Test
	void shouldRunTheBrowserJourneys() throws Exception {
		Optional<Path> chromium = chromium();
		assumeThat(chromium).as("Chromium (install it with .ci/install-chromium)").isPresent();
		String admin = "e2e-platform-" + Long.toString(System.nanoTime(), 36);
		this.users.create(Actor.system("e2e"), null, admin, admin + "@example.com", Set.of("PLATFORM_ADMIN"),
				ADMIN_PASSWORD);
		Path webClient = Path.of("..", "web-client").toAbsolutePath().normalize();
		Path out = Path.of("target", "e2e").toAbsolutePath();
		Files.createDirectories(out);
		String screenshots = System.getProperty("towerline.e2e.screenshot-dir", out.resolve("screenshots").toString());
		ProcessBuilder script = new ProcessBuilder(node(webClient), "e2e/run.mjs").directory(webClient.toFile())
			.redirectErrorStream(true)
			.redirectOutput(out.resolve("e2e.log").toFile());
		Map<String, String> env = script.environment();
		env.put("BASE_URL", "http://127.0.0.1:" + this.port);
		env.put("CHROMIUM_PATH", chromium.get().toString());
		env.put("ADMIN_USER", admin);
		env.put("ADMIN_PASS", ADMIN_PASSWORD);
		env.put("ROUTER_PORT", String.valueOf(this.router.port()));
		env.put("ROUTER_USER", "api");
		env.put("ROUTER_PASS", "router-pass");
		env.put("OUT_DIR", out.toString());
		env.put("SCREENSHOT_DIR", Path.of(screenshots).toAbsolutePath().toString());
		Process process = script.start();
		boolean finished = process.waitFor(10, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String log = Files.readString(out.resolve("e2e.log"));
		assertThat(finished && process.exitValue() == 0).as("browser journeys (web-client/e2e/run.mjs):%n%s", log)
			.isTrue();

		Map<?, ?> results = JsonMapper.builder().build().readValue(out.resolve("results.json").toFile(), Map.class);
		assertThat(results.get("ok")).isEqualTo(true);
		String suspended = (String) results.get("suspended");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.router.secret(suspended)).hasValueSatisfying(
					(secret) -> assertThat(secret.get("disabled")).as("secret of %s", suspended).isEqualTo("true")));
		List<?> bulk = (List<?>) results.get("bulkAccepted");
		assertThat(bulk).hasSize(3);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> bulk.forEach((name) -> assertThat(this.router.secret((String) name)).isPresent()));
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

}
