package io.towerline.core.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import io.towerline.core.actor.Actor;
import io.towerline.core.plan.PlanDetails;
import io.towerline.core.plan.Plans;
import io.towerline.core.plan.RateLimit;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.router.Routers;
import io.towerline.core.subscriber.Changed;
import io.towerline.core.subscriber.SubscriberDraft;
import io.towerline.core.subscriber.SubscriberProfile;
import io.towerline.core.subscriber.Subscribers;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Work held by a replica that died (kill -9, power loss, a database crash under it) is
 * revived by the live replicas within the bound of ADR 0040: heartbeat interval x
 * (missed-heartbeats limit + 2 detection rounds) plus one poll. The rows are written
 * exactly as a dead replica leaves them: picked, by a name no live scheduler has, with
 * its last heartbeat at the moment of death.
 */
@SpringBootTest
class DeadExecutionTests extends DatabaseTest {

	private static final String DEAD = "replica-killed-with-sigkill";

	private static final List<String> RECURRING = List.of("router-health-sweep", "drift-check-sweep",
			"command-log-retention");

	@Autowired
	DbSchedulerProperties scheduler;

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
	void shouldDetectDeadExecutionsWithinAMinute() {
		assertThat(bound()).isLessThanOrEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void shouldReviveARunningOperationAndEveryRecurringTaskOfADeadReplica() {
		try (RouterOsSimulator simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.start()) {
			TenantId tenant = TenantId.of(TestDatabase.uniqueSlug("dead"));
			this.onboarding.onboard(tenant.slug(), "Dead replica", RateLimitTier.STARTER);
			UUID router = TenantContext.callAs(tenant,
					() -> this.routers
						.create(RouterDetails.of("core", "127.0.0.1", simulator.port(), false, null, null, "api"),
								"router-pass")
						.id());
			UUID plan = TenantContext.callAs(tenant,
					() -> this.plans.create(PlanDetails.of("Home", "home", RateLimit.parse("2M/10M"), null)).id());

			// the subscriber's operation was RUNNING on the replica when it died, and
			// every
			// recurring task was held by it too
			Changed created = TenantContext.callAs(tenant, () -> this.transactions.execute((tx) -> {
				Changed changed = this.subscribers.create(new SubscriberDraft("orphaned", "secret-1", plan, router,
						null, SubscriberProfile.of(null, null, null, null, null, null)), Actor.of("user:test"));
				UUID id = changed.operation().id();
				this.jdbc
					.sql("UPDATE public.scheduled_tasks SET picked = true, picked_by = ?, last_heartbeat = now(), "
							+ "version = version + 1 WHERE task_name = 'router-operation' AND task_instance = ?")
					.params(DEAD, tenant.slug() + ":" + id)
					.update();
				return changed;
			}));
			// held by the dead replica, so no live one touches it meanwhile
			int running = this.jdbc
				.sql("UPDATE " + tenant.schemaName() + ".router_operation SET status = 'RUNNING', attempts = 1 "
						+ "WHERE id = ?")
				.param(created.operation().id())
				.update();
			assertThat(running).isOne();
			int held = this.jdbc
				.sql("UPDATE public.scheduled_tasks SET picked = true, picked_by = :dead, last_heartbeat = now(), "
						+ "execution_time = now(), version = version + 1 WHERE task_name IN (:names)")
				.param("dead", DEAD)
				.param("names", RECURRING)
				.update();
			assertThat(held).isEqualTo(RECURRING.size());
			Instant died = Instant.now();

			await().atMost(bound().plusSeconds(5))
				.until(() -> TenantContext.callAs(tenant,
						() -> this.operations.get(created.operation().id()).status() == OperationStatus.SUCCEEDED));
			await().atMost(bound().plusSeconds(5).minus(Duration.between(died, Instant.now())))
				.until(() -> this.jdbc.sql(
						"SELECT count(*) FROM public.scheduled_tasks WHERE task_name IN (:names) AND picked_by = :dead")
					.param("names", RECURRING)
					.param("dead", DEAD)
					.query(Long.class)
					.single() == 0);

			assertThat(simulator.secret("orphaned")).isPresent();
			assertThat(TenantContext.callAs(tenant, () -> this.operations.get(created.operation().id()).attempts()))
				.as("the revived attempt is the second")
				.isEqualTo(2);
		}
	}

	/** The longest a dead replica's execution stays held. */
	private Duration bound() {
		Duration heartbeat = this.scheduler.getHeartbeatInterval();
		return heartbeat.multipliedBy(this.scheduler.getMissedHeartbeatsLimit() + 2)
			.plus(this.scheduler.getPollingInterval());
	}

}
