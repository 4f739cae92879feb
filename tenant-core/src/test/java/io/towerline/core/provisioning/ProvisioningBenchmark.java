package io.towerline.core.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.BulkOutcome;
import io.towerline.core.subscriber.BulkSubscribers;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.client.RouterEndpoint;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 5's provisioning measurement: 10,000 subscribers onto one simulated router that
 * takes 20 ms per command, through the platform's bulk path (one pipelined operation),
 * against one command per round trip.
 */
@SpringBootTest(properties = "towerline.routers.health-check-interval=1h")
class ProvisioningBenchmark extends DatabaseTest {

	private static final int SUBSCRIBERS = 10_000;

	private static final int ROUND_TRIP_SAMPLE = 250;

	private static final Duration LATENCY = Duration.ofMillis(20);

	@Autowired
	BulkSubscribers bulk;

	@Autowired
	Plans plans;

	@Autowired
	Routers routers;

	@Autowired
	RouterOperations operations;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void measure() throws Exception {
		StringBuilder report = new StringBuilder("# Provisioning benchmark\n\n");
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.latency(LATENCY)
			.start()) {
			TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("bench-prov"));
			this.onboarding.onboard(tenant.slug(), "Bench", RateLimitTier.ENTERPRISE);
			UUID[] ids = TenantContext.callAs(tenant,
					() -> this.transactions.execute((tx) -> new UUID[] {
							this.routers
								.create(RouterDetails.of("bench", "127.0.0.1", simulator.port(), false, null, null,
										"api"), "router-pass")
								.id(),
							this.plans.create(PlanDetails.of("Bench", "bench", RateLimit.parse("5M/20M"), null))
								.id() }));

			List<SubscriberDraft> drafts = new ArrayList<>();
			for (int i = 0; i < SUBSCRIBERS; i++) {
				drafts.add(new SubscriberDraft("bench-" + i, "secret-" + i, ids[1], ids[0], null,
						SubscriberProfile.of(null, null, null, null, null, null)));
			}
			long start = System.nanoTime();
			BulkOutcome outcome = TenantContext.callAs(tenant,
					() -> this.bulk.create(drafts, Actor.of("system:benchmark")));
			long recorded = System.nanoTime();
			UUID operation = outcome.operations().get(0).id();
			Awaitility.await()
				.atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> TenantContext.callAs(tenant, () -> this.operations.get(operation)).status().isFinal());
			RouterOperation done = TenantContext.callAs(tenant, () -> this.operations.get(operation));
			long finished = System.nanoTime();
			double bulkSeconds = (finished - start) / 1e9;
			report.append(String.format("Simulated router latency: %d ms per command.%n%n", LATENCY.toMillis()));
			report.append(String.format(
					"Bulk path: %d subscribers recorded (validated, passwords sealed, one transaction) in %.1f s; "
							+ "the pipelined operation finished %.1f s later (%s, %d on the router). Total %.1f s.%n%n",
					outcome.created().size(), (recorded - start) / 1e9, (finished - recorded) / 1e9, done.status(),
					simulator.secretCount(), bulkSeconds));

			double perCommand = roundTripMillis(simulator);
			double sequentialSeconds = perCommand * SUBSCRIBERS / 1000;
			report.append(String.format(
					"One command per round trip: %.1f ms per add (measured over %d adds), so %d adds take %.0f s.%n%n",
					perCommand, ROUND_TRIP_SAMPLE, SUBSCRIBERS, sequentialSeconds));
			report.append(
					String.format("Speed-up of the platform's bulk path: %.1fx.%n", sequentialSeconds / bulkSeconds));
		}
		Path out = Path.of("target", "benchmarks", "provisioning.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

	private static double roundTripMillis(RouterOsSimulator simulator) {
		try (RouterClients clients = RouterClients.create()) {
			RouterClient client = clients
				.client(RouterEndpoint.plain("127.0.0.1", new UsernamePassword("api", "router-pass".toCharArray()))
					.withPort(simulator.port()));
			long start = System.nanoTime();
			for (int i = 0; i < ROUND_TRIP_SAMPLE; i++) {
				client.pppSecrets().add(PppSecretSpec.pppoe("rt-" + i, "secret", "bench"));
			}
			return (System.nanoTime() - start) / 1e6 / ROUND_TRIP_SAMPLE;
		}
	}

}
