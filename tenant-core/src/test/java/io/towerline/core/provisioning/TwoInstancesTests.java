package io.towerline.core.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.towerline.core.CoreTestApplication;
import io.towerline.core.actor.Actor;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.Subscribers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.ReceivedCommand;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances on one database share the job table: 500 operations are each
 * executed once, by one of them, and every subscriber's secret is added exactly once.
 */
@SpringBootTest
class TwoInstancesTests extends DatabaseTest {

	private static final int OPERATIONS = 500;

	@Autowired
	Subscribers subscribers;

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

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldExecuteEveryOperationOnceAcrossTwoInstances() {
		TestDatabase.Server db = TestDatabase.server();
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_16)
			.user("api", "router-pass")
			.recordCommands(true)
			.latency(Duration.ofMillis(2))
			.start();
				ConfigurableApplicationContext second = new SpringApplicationBuilder(CoreTestApplication.class)
					.properties(Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.username(),
							"spring.datasource.password", db.password(), "spring.main.web-application-type", "none",
							"db-scheduler.polling-interval", "100ms"))
					.run()) {
			TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("twin"));
			this.onboarding.onboard(tenant.slug(), "Twins", RateLimitTier.STARTER);
			List<UUID> operationIds = TenantContext.callAs(tenant, () -> this.transactions.execute((tx) -> {
				UUID router = this.routers
					.create(RouterDetails.of("twin", "127.0.0.1", simulator.port(), false, null, null, "api"),
							"router-pass")
					.id();
				UUID plan = this.plans.create(PlanDetails.of("Twin", "twin", RateLimit.parse("2M/10M"), null)).id();
				return IntStream.range(0, OPERATIONS)
					.mapToObj((i) -> this.subscribers
						.create(new SubscriberDraft("twin-" + i, "secret-" + i, plan, router, null,
								SubscriberProfile.of(null, null, null, null, null, null)), Actor.of("system:test"))
						.operation()
						.id())
					.toList();
			}));

			await().atMost(Duration.ofMinutes(3))
				.until(() -> TenantContext.callAs(tenant, () -> operationIds.stream()
					.allMatch((id) -> this.operations.get(id).status() == OperationStatus.SUCCEEDED)));

			Map<String, Long> addsPerName = simulator.receivedCommands()
				.stream()
				.filter((command) -> command.path().equals("/ppp/secret/add"))
				.collect(Collectors.groupingBy((command) -> command.attributes().get("name"), Collectors.counting()));
			assertThat(addsPerName).hasSize(OPERATIONS).allSatisfy((name, count) -> assertThat(count).isOne());
			assertThat(TenantContext
				.callAs(tenant,
						() -> operationIds.stream()
							.map(this.operations::get)
							.collect(Collectors.toMap(Function.identity(), (op) -> op.attempts())))
				.values()).allSatisfy((attempts) -> assertThat(attempts).isOne());
			assertThat(simulator.secretCount()).isEqualTo(OPERATIONS);
		}
	}

}
