package io.towerline.core.operation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.towerline.core.CoreTestApplication;
import io.towerline.core.actor.Actor;
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
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica stopped gracefully (SIGTERM: its context closes) in the middle of a bulk
 * against a slow router hands the bulk back within the grace period: what it finished is
 * recorded, the rest is due at once and another replica completes it, each secret added
 * once and no attempt spent on the interruption.
 * <p>
 * Both replicas run on a database of their own, so that no scheduler of another test
 * context cached in this JVM can take the bulk.
 */
class ShutdownHandBackTests {

	private static final int SUBSCRIBERS = 2000;

	@Test
	void shouldHandABulkBackAtShutdownAndResumeItElsewhere() {
		String database = createDatabase();
		TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("handback"));
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.recordCommands(true)
			.latency(Duration.ofMillis(200))
			.start()) {
			ConfigurableApplicationContext stopping = replica(database);
			// the replica that takes over is up before the bulk starts, its scheduler
			// held
			// until the hand-back has been inspected
			ConfigurableApplicationContext taking = replica(database);
			Scheduler takingScheduler = taking.getBean(Scheduler.class);
			takingScheduler.pause();
			stopping.getBean(TenantOnboarding.class).onboard(tenant.slug(), "Hand back", RateLimitTier.STARTER);
			RouterOperations stoppingOperations = stopping.getBean(RouterOperations.class);
			UUID operationId = TenantContext.callAs(tenant, () -> {
				UUID router = stopping.getBean(Routers.class)
					.create(RouterDetails.of("slow", "127.0.0.1", simulator.port(), false, null, null, "api"),
							"router-pass")
					.id();
				UUID plan = stopping.getBean(Plans.class)
					.create(PlanDetails.of("Slow", "slow", RateLimit.parse("2M/10M"), null))
					.id();
				List<SubscriberDraft> drafts = IntStream.range(0, SUBSCRIBERS)
					.mapToObj((i) -> new SubscriberDraft("hb-" + i, "secret-" + i, plan, router, null,
							SubscriberProfile.of(null, null, null, null, null, null)))
					.toList();
				return stopping.getBean(BulkSubscribers.class)
					.create(drafts, Actor.of("user:test"))
					.operations()
					.get(0)
					.id();
			});
			await().atMost(Duration.ofSeconds(60))
				.until(() -> TenantContext.callAs(tenant,
						() -> stoppingOperations.get(operationId).progressDone()) >= 100);
			try {
				RouterOperations operations = taking.getBean(RouterOperations.class);
				JdbcClient jdbc = JdbcClient.create(taking.getBean(DataSource.class));

				Instant closing = Instant.now();
				stopping.close();
				Duration shutdown = Duration.between(closing, Instant.now());

				assertThat(shutdown).as("graceful stop within the grace period").isLessThan(Duration.ofSeconds(30));
				RouterOperation handedBack = TenantContext.callAs(tenant, () -> operations.get(operationId));
				assertThat(handedBack.status()).isEqualTo(OperationStatus.QUEUED);
				assertThat(handedBack.attempts()).as("the interruption spends no attempt").isZero();
				assertThat(handedBack.progressDone()).isBetween(100, SUBSCRIBERS - 1);
				assertThat(handedBack.lastError()).contains("Handed back at shutdown");
				assertThat(activeSubscribers(jdbc, tenant)).as("what the router confirmed is recorded")
					.isEqualTo(handedBack.progressDone());
				Map<String, Object> execution = jdbc
					.sql("SELECT picked, execution_time FROM public.scheduled_tasks WHERE task_instance = ?")
					.param(tenant.slug() + ":" + operationId)
					.query()
					.singleRow();
				assertThat(execution.get("picked")).as("released, not held by the stopped replica").isEqualTo(false);
				assertThat(((Timestamp) execution.get("execution_time")).toInstant())
					.as("due at once, not after a backoff")
					.isBefore(Instant.now());
				int addsBeforeResume = adds(simulator).size();

				takingScheduler.resume();
				await().atMost(Duration.ofSeconds(90))
					.until(() -> TenantContext.callAs(tenant,
							() -> operations.get(operationId).status() == OperationStatus.SUCCEEDED));

				RouterOperation finished = TenantContext.callAs(tenant, () -> operations.get(operationId));
				assertThat(finished.attempts()).isOne();
				assertThat(finished.progressDone()).isEqualTo(SUBSCRIBERS);
				assertThat(activeSubscribers(jdbc, tenant)).isEqualTo(SUBSCRIBERS);
				Map<String, Long> addsPerName = adds(simulator);
				assertThat(addsPerName).hasSize(SUBSCRIBERS).allSatisfy((name, count) -> assertThat(count).isOne());
				assertThat(addsBeforeResume).as("the stopped replica sent exactly what it recorded")
					.isEqualTo(handedBack.progressDone());
				assertThat(simulator.secretCount()).isEqualTo(SUBSCRIBERS);
			}
			finally {
				taking.close();
				stopping.close();
			}
		}
	}

	private static ConfigurableApplicationContext replica(String database) {
		TestDatabase.Server db = TestDatabase.server();
		return new SpringApplicationBuilder(CoreTestApplication.class)
			.properties(Map.of("spring.datasource.url", database, "spring.datasource.username", db.username(),
					"spring.datasource.password", db.password(), "spring.main.web-application-type", "none"))
			.run();
	}

	/** A fresh database on the shared server; returns its JDBC URL. */
	private static String createDatabase() {
		TestDatabase.Server db = TestDatabase.server();
		String name = "handback_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		JdbcClient.create(new DriverManagerDataSource(db.url(), db.username(), db.password()))
			.sql("CREATE DATABASE " + name)
			.update();
		int query = db.url().indexOf('?');
		String base = (query < 0) ? db.url() : db.url().substring(0, query);
		String rest = (query < 0) ? "" : db.url().substring(query);
		return base.substring(0, base.lastIndexOf('/') + 1) + name + rest;
	}

	private static long activeSubscribers(JdbcClient jdbc, TenantId tenant) {
		return jdbc.sql("SELECT count(*) FROM " + tenant.schemaName() + ".subscriber WHERE status = 'ACTIVE'")
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
