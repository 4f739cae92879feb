package io.towerline.api.webapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first browser journeys, {@code web-client/e2e/run.mjs}: console onboarding, router,
 * import, subscriber, suspend, bulk CSV, a viewer without mutations. The script checks
 * what the browser shows; this test then checks what reached the router.
 */
class WebClientEndToEndTests extends JourneyTest {

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
		Credentials admin = newUser(null, "e2e-platform", "PLATFORM_ADMIN");
		Map<?, ?> results = runJourney("run.mjs", Map.of("ADMIN_USER", admin.username(), "ADMIN_PASS", admin.password(),
				"ROUTER_PORT", String.valueOf(this.router.port()), "ROUTER_USER", "api", "ROUTER_PASS", "router-pass"));

		String suspended = (String) results.get("suspended");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.router.secret(suspended)).hasValueSatisfying(
					(secret) -> assertThat(secret.get("disabled")).as("secret of %s", suspended).isEqualTo("true")));
		List<?> bulk = (List<?>) results.get("bulkAccepted");
		assertThat(bulk).hasSize(3);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> bulk.forEach((name) -> assertThat(this.router.secret((String) name)).isPresent()));
	}

}
