package io.towerline.api.webapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.towerline.api.support.NetworkFixture;
import io.towerline.api.support.TestTokens;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "who is online" journey, {@code web-client/e2e/live.mjs}: a subscriber dials in on
 * the simulator while the live table is open and shows up without a reload, its speed
 * chart receives samples, and a kick from the table ends it on the simulator and takes it
 * off the table. The script asks for the dial-in by writing {@code dial-in} into its
 * output directory, so the login happens after the table is open; while online the
 * subscriber moves traffic so the speed is not zero.
 */
class LiveJourneyTests extends JourneyTest {

	private NetworkFixture network;

	private final ScheduledExecutorService line = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void stop() {
		this.line.shutdownNow();
		if (this.network != null) {
			this.network.close();
		}
	}

	@Test
	void shouldShowALoginLiveAndKickIt() throws Exception {
		TenantId tenant = newTenant("live-e2e");
		this.network = NetworkFixture.create(as(TestTokens.forTenant(tenant.slug(), "TENANT_ADMIN")), "edge-1");
		String username = "live-alice";
		String[] alice = this.network.createSubscriber(username, "secret-alice-1");
		this.network.awaitSucceeded(alice[1]);
		Credentials operator = newUser(tenant, "e2e-live", "OPERATOR");
		AtomicReference<Exception> failure = new AtomicReference<>();
		Path dialIn = Path.of("target", "e2e", "live", "dial-in").toAbsolutePath();
		Files.deleteIfExists(dialIn);
		Files.deleteIfExists(dialIn.resolveSibling("dialled-in"));
		// a periodic task that throws is never run again: nothing may escape it
		this.line.scheduleWithFixedDelay(() -> {
			try {
				if (Files.exists(dialIn) && !this.network.simulator().onlineSubscribers().contains(username)) {
					// dial in once: after the kick the subscriber stays off
					this.network.simulator().connectSubscriber(username);
					Files.move(dialIn, dialIn.resolveSibling("dialled-in"), StandardCopyOption.REPLACE_EXISTING);
				}
				// about 8 Mbit/s down and 2 up while online (addTraffic is refused when
				// offline)
				this.network.simulator().addTraffic(username, 50_000, 200_000, 60, 160);
			}
			catch (Exception ex) {
				failure.set(ex);
			}
		}, 200, 200, TimeUnit.MILLISECONDS);

		Map<?, ?> results = runJourney("live.mjs", Map.of("LIVE_USER", operator.username(), "LIVE_PASS",
				operator.password(), "SUBSCRIBER", username, "SUBSCRIBER_ID", alice[0]));

		assertThat(failure.get()).as("the simulated line").isNull();
		assertThat(((Number) results.get("samples")).intValue()).isGreaterThanOrEqualTo(10);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.network.simulator().onlineSubscribers()).doesNotContain(username));
	}

}
