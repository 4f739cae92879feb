package io.towerline.core.operation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.towerline.core.CoreTestApplication;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.BulkSubscribers;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica stopped gracefully (SIGTERM: its context closes) in the middle of a bulk
 * against a slow router hands the bulk back within the grace period: what it finished is
 * recorded, the rest is due at once and another replica completes it, each secret added
 * once and no attempt spent on the interruption.
 */
@SpringBootTest
class ShutdownHandBackTests extends DatabaseTest {

	private static final int SUBSCRIBERS = 2000;

	@Autowired
	Scheduler scheduler;

	@Autowired
	BulkSubscribers bulk;

	@Autowired
	RouterOperations operations;

	@Autowired
	Plans plans;

	@Autowired
	Routers routers;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldHandABulkBackAtShutdownAndResumeItElsewhere() {
		TestDatabase.Server db = TestDatabase.server();
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("handback"));
		this.onboarding.onboard(tenant.slug(), "Hand back", RateLimitTier.STARTER);
		// this replica steps aside so that the one being stopped takes the bulk
		this.scheduler.pause();
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.recordCommands(true)
			.latency(Duration.ofMillis(100))
			.start()) {
			ConfigurableApplicationContext stopping = new SpringApplicationBuilder(CoreTestApplication.class)
				.properties(Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.username(),
						"spring.datasource.password", db.password(), "spring.main.web-application-type", "none"))
				.run();
			UUID operationId = TenantContext.callAs(tenant, () -> {
				UUID router = this.routers
					.create(RouterDetails.of("slow", "127.0.0.1", simulator.port(), false, null, null, "api"),
							"router-pass")
					.id();
				UUID plan = this.plans.create(PlanDetails.of("Slow", "slow", RateLimit.parse("2M/10M"), null)).id();
				List<SubscriberDraft> drafts = IntStream.range(0, SUBSCRIBERS)
					.mapToObj((i) -> new SubscriberDraft("hb-" + i, "secret-" + i, plan, router, null,
							SubscriberProfile.of(null, null, null, null, null, null)))
					.toList();
				return this.bulk.create(drafts, "user:test").operations().get(0).id();
			});
			await().atMost(Duration.ofSeconds(60))
				.until(() -> TenantContext.callAs(tenant,
						() -> this.operations.get(operationId).progressDone()) >= 100);

			Instant closing = Instant.now();
			stopping.close();
			Duration shutdown = Duration.between(closing, Instant.now());

			assertThat(shutdown).as("graceful stop within the grace period").isLessThan(Duration.ofSeconds(30));
			RouterOperation handedBack = TenantContext.callAs(tenant, () -> this.operations.get(operationId));
			assertThat(handedBack.status()).isEqualTo(OperationStatus.QUEUED);
			assertThat(handedBack.attempts()).as("the interruption spends no attempt").isZero();
			assertThat(handedBack.progressDone()).isBetween(100, SUBSCRIBERS - 1);
			assertThat(handedBack.lastError()).contains("Handed back at shutdown");
			assertThat(activeSubscribers(tenant)).as("what the router confirmed is recorded")
				.isEqualTo(handedBack.progressDone());
			Map<String, Object> execution = this.jdbc
				.sql("SELECT picked, execution_time FROM public.scheduled_tasks WHERE task_instance = ?")
				.param(tenant.slug() + ":" + operationId)
				.query()
				.singleRow();
			assertThat(execution.get("picked")).as("released, not held by the stopped replica").isEqualTo(false);
			assertThat(((Timestamp) execution.get("execution_time")).toInstant()).as("due at once, not after a backoff")
				.isBefore(Instant.now());
			int addsBeforeResume = adds(simulator).size();

			this.scheduler.resume();
			await().atMost(Duration.ofSeconds(90))
				.until(() -> TenantContext.callAs(tenant,
						() -> this.operations.get(operationId).status() == OperationStatus.SUCCEEDED));

			RouterOperation finished = TenantContext.callAs(tenant, () -> this.operations.get(operationId));
			assertThat(finished.attempts()).isOne();
			assertThat(finished.progressDone()).isEqualTo(SUBSCRIBERS);
			assertThat(activeSubscribers(tenant)).isEqualTo(SUBSCRIBERS);
			Map<String, Long> addsPerName = adds(simulator);
			assertThat(addsPerName).hasSize(SUBSCRIBERS).allSatisfy((name, count) -> assertThat(count).isOne());
			assertThat(addsBeforeResume).as("the stopped replica sent exactly what it recorded")
				.isEqualTo(handedBack.progressDone());
			assertThat(simulator.secretCount()).isEqualTo(SUBSCRIBERS);
		}
		finally {
			this.scheduler.resume();
		}
	}

	private long activeSubscribers(TenantId tenant) {
		return this.jdbc.sql("SELECT count(*) FROM " + tenant.schemaName() + ".subscriber WHERE status = 'ACTIVE'")
			.query(Long.class)
			.single();
	}

	private static Map<String, Long> adds(RouterOsSimulator simulator) {
		return simulator.receivedCommands()
			.stream()
			.filter((command) -> command.path().equals("/ppp/secret/add"))
			.collect(Collectors.groupingBy((command) -> command.attributes().get("name"), Collectors.counting()));
	}

}
