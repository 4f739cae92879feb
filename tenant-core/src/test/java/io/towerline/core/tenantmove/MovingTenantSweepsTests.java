package io.towerline.core.tenantmove;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.towerline.core.actor.Actor;
import io.towerline.core.pop.PointsOfPresence;
import io.towerline.core.pop.PopDetails;
import io.towerline.core.sweep.TenantSweeps;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.testsupport.TenantRouterFixture;
import io.towerline.core.testsupport.TwoClusterTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every per-tenant sweep meets a tenant inside a move's read-only window (ADR 0174) by
 * skipping it for the round, without a warning, and runs it again once the window has
 * closed (ADR 0193). The window is a real one: the move's first step opens it, and its
 * copy, made to fail by a leftover on the target, rolls it back and closes it, leaving
 * the tenant on main. Each sweep is run here through its own task's handler, so what is
 * asserted is what this test's call did, whatever the scheduler runs beside it.
 */
@SpringBootTest
class MovingTenantSweepsTests extends TwoClusterTest {

	private static final Actor OPS = Actor.user("ops-admin");

	private final Logger sweepLog = (Logger) LoggerFactory.getLogger(TenantSweeps.class);

	private final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

	private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
		@Override
		protected void append(ILoggingEvent event) {
			MovingTenantSweepsTests.this.events.add(event);
		}
	};

	private Level levelBefore;

	@Autowired
	ApplicationContext context;

	@Autowired
	TenantMoves moves;

	@Autowired
	TenantMoveSteps steps;

	@Autowired
	TenantClusters clusters;

	@Autowired
	TenantSweeps sweeps;

	@Autowired
	PointsOfPresence pops;

	@BeforeEach
	void captureSweepLog() {
		this.levelBefore = this.sweepLog.getLevel();
		this.sweepLog.setLevel(Level.TRACE);
		// a line per tenant and round: kept out of the build's console
		this.sweepLog.setAdditive(false);
		this.capture.start();
		this.sweepLog.addAppender(this.capture);
	}

	@AfterEach
	void stopCapturing() {
		this.sweepLog.detachAppender(this.capture);
		this.sweepLog.setAdditive(true);
		this.sweepLog.setLevel(this.levelBefore);
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource({ "alertSweepTask, Alert sweep", "usageMaintenanceTask, Usage maintenance",
			"lifecycleEvaluationTask, Lifecycle evaluation", "backupSweepTask, Backup sweep",
			"driftCheckSweep, Drift sweep", "routerHealthSweep, Router health sweep",
			"notificationSenderTask, Sending the outbox", "outboxRetentionPurgeTask, Purging the outbox",
			"reportPurgeTask, Report purge", "commandLogRetentionTask, Command log purge" })
	void shouldSkipAMovingTenantQuietlyAndRunItAfterTheWindow(String task, String sweep) {
		try (TenantRouterFixture fixture = TenantRouterFixture.start(this.context, "swp", "Core",
				TenantRouterFixture.v7(1))) {
			TenantId tenant = fixture.tenant();
			TenantMove move = openWindowThatWillRollBack(tenant);

			run(task);
			assertThat(lines(Level.DEBUG, tenant)).as("skipped, quietly")
				.contains(sweep + " of tenant " + tenant + " skipped: the tenant is moving");
			assertThat(lines(Level.WARN, tenant)).as("no warning").isEmpty();
			assertThat(lines(Level.TRACE, tenant)).as("nothing ran")
				.doesNotContain(sweep + " of tenant " + tenant + " ran");

			assertThat(this.steps.advance(move.id())).as("the copy fails and the window closes").isEmpty();
			assertThat(this.moves.find(move.id()).orElseThrow().step()).isEqualTo(TenantMoveStep.ROLLED_BACK);
			this.events.clear();
			run(task);
			assertThat(lines(Level.TRACE, tenant)).as("ran after the window")
				.contains(sweep + " of tenant " + tenant + " ran");
			assertThat(lines(Level.WARN, tenant)).isEmpty();
		}
	}

	@Test
	void shouldReportAWriteTheWindowRefusedQuietlyAndAnyOtherFailureInOneLine() {
		try (TenantRouterFixture fixture = TenantRouterFixture.start(this.context, "swpf", "Core",
				TenantRouterFixture.v7(0))) {
			TenantId tenant = fixture.tenant();
			openWindowThatWillRollBack(tenant);
			// a worker's write after its tenant's round began: the window opened in
			// between
			RuntimeException refused = (RuntimeException) catchThrowable(() -> TenantContext.runAs(tenant,
					() -> this.pops.create(PopDetails.of("During", "9 Window St", null, null, null))));
			assertThat(TenantClusters.refusedByMoveWindow(refused)).isTrue();

			this.sweeps.failed("Health check of router 1", tenant, refused);
			this.sweeps.failed("Health check of router 2", tenant, new IllegalStateException("boom"));

			assertThat(lines(Level.DEBUG, tenant)).containsExactly(
					"Health check of router 1 of tenant " + tenant + " stopped: the tenant's move window opened",
					// the stack trace of the other failure, kept at debug
					"Health check of router 2 of tenant " + tenant + " failed");
			assertThat(lines(Level.WARN, tenant)).containsExactly("Health check of router 2 of tenant " + tenant
					+ " failed (IllegalStateException: boom); not warned about again until it works");
		}
	}

	/**
	 * Opens a move's window for {@code tenant}; its next step fails (a leftover the
	 * tenant changelog cannot build over stands on the target) and rolls back.
	 */
	private TenantMove openWindowThatWillRollBack(TenantId tenant) {
		JdbcClient east = JdbcClient.create(this.clusters.dataSource(EAST));
		east.sql("CREATE SCHEMA " + tenant.schemaName()).update();
		east.sql("CREATE TABLE " + tenant.schemaName() + ".pop (leftover int)").update();
		TenantMove move = this.moves.register(tenant, EAST, OPS);
		this.steps.advance(move.id());
		assertThat(this.moves.find(move.id()).orElseThrow().step()).isEqualTo(TenantMoveStep.WINDOW_OPEN);
		assertThat(this.clusters.placementOf(tenant).moving()).isTrue();
		return move;
	}

	/** Runs a recurring task once, as db-scheduler does while running (not stopping). */
	@SuppressWarnings("unchecked")
	private void run(String task) {
		RecurringTask<Void> recurring = this.context.getBean(task, RecurringTask.class);
		TaskInstance<Void> instance = new TaskInstance<>(recurring.getName(), RecurringTask.INSTANCE);
		SchedulerState running = new SchedulerState() {

			@Override
			public boolean isShuttingDown() {
				return false;
			}

			@Override
			public boolean isStarted() {
				return true;
			}

			@Override
			public boolean isPaused() {
				return false;
			}

		};
		recurring.execute(instance, new ExecutionContext(running, new Execution(Instant.now(), instance), null, null));
	}

	/** What the sweeps logged about {@code tenant} at exactly {@code level}. */
	private List<String> lines(Level level, TenantId tenant) {
		return this.events.stream()
			.filter((event) -> event.getLevel() == level)
			.map(ILoggingEvent::getFormattedMessage)
			.filter((line) -> line.contains(" of tenant " + tenant + " "))
			.toList();
	}

}
