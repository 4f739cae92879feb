package io.towerline.core.tenantmove;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import io.towerline.core.actor.Actor;
import io.towerline.core.audit.SecurityEvent;
import io.towerline.core.audit.SecurityEventLog;
import io.towerline.core.audit.SecurityEventType;
import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.pop.PointsOfPresence;
import io.towerline.core.pop.PopDetails;
import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.TenantPlacement;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.core.testsupport.TwoClusterTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Moving a tenant between two clusters (ADR 0174), step by step as its job would, and
 * through the job itself: writes are refused and reads served during the window, the data
 * arrives whole, later writes land on the new cluster, the old copy goes; a failed copy
 * rolls back leaving the tenant where it was, a step redone after a crash does not double
 * anything, and a move to main is done only once its outbox is delivered.
 */
@SpringBootTest
class TenantMoveTests extends TwoClusterTest {

	private static final Actor OPS = Actor.user("ops-admin");

	@Autowired
	TenantMoves moves;

	@Autowired
	TenantMoveSteps steps;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TenantCatalog catalog;

	@Autowired
	TenantClusters clusters;

	@Autowired
	PointsOfPresence pops;

	@Autowired
	SecurityEventLog audit;

	@Autowired
	@Qualifier("tenantMoveTask")
	CustomTask<String> moveTask;

	@Test
	void shouldMoveATenantBehindAReadOnlyWindow() {
		TenantId tenant = onboardWithPops("mv", 3);
		TenantMove move = this.moves.register(tenant, EAST, OPS);
		assertThat(move.fromCluster()).isEqualTo(TenantPlacement.MAIN);

		assertThat(this.steps.advance(move.id())).contains(this.clusters.catalogTtl().multipliedBy(2));
		assertStep(move, TenantMoveStep.WINDOW_OPEN);
		assertWritesRefusedReadsServed(tenant, 3);

		assertThat(this.steps.advance(move.id())).contains(Duration.ZERO);
		assertStep(move, TenantMoveStep.COPIED);
		assertThat(popCount(EAST, tenant)).isEqualTo(3);
		assertThat(this.moves.find(move.id()).orElseThrow().rowsCopied()).isGreaterThanOrEqualTo(3L);

		this.steps.advance(move.id());
		assertStep(move, TenantMoveStep.SWITCHED);
		assertThat(this.catalog.get(tenant).cluster()).isEqualTo(EAST);
		// reads are served from the new copy now: a row only it has is seen
		jdbc(EAST).sql("INSERT INTO " + tenant.schemaName()
				+ ".pop (id, name, address, created_at, updated_at, version) VALUES (?, 'Only east', 'x', now(), now(), 0)")
			.param(UUID.randomUUID())
			.update();
		assertWritesRefusedReadsServed(tenant, 4);

		this.steps.advance(move.id());
		assertStep(move, TenantMoveStep.WINDOW_CLOSED);
		TenantContext.runAs(tenant, () -> this.pops.create(PopDetails.of("After", "5 New St", null, null, null)));
		assertThat(popCount(EAST, tenant)).isEqualTo(5);
		assertThat(popCount(TenantPlacement.MAIN, tenant)).as("the old copy took no write").isEqualTo(3);

		assertThat(this.steps.advance(move.id())).isEmpty();
		assertStep(move, TenantMoveStep.DONE);
		assertThat(schemaExists(TenantPlacement.MAIN, tenant)).as("old copy dropped").isFalse();
		assertThat(events(tenant)).extracting(SecurityEvent::type, SecurityEvent::actor)
			.contains(tuple(SecurityEventType.TENANT_MOVE_REQUESTED, OPS.value()),
					tuple(SecurityEventType.TENANT_MOVED, OPS.value()));
	}

	@Test
	void shouldRollBackAFailedCopyLeavingTheTenantWhereItWas() {
		TenantId tenant = onboardWithPops("mvfail", 2);
		// a leftover on the target that the tenant changelog cannot build over
		jdbc(EAST).sql("CREATE SCHEMA " + tenant.schemaName()).update();
		jdbc(EAST).sql("CREATE TABLE " + tenant.schemaName() + ".pop (leftover int)").update();
		TenantMove move = this.moves.register(tenant, EAST, OPS);

		this.steps.advance(move.id());
		assertThat(this.steps.advance(move.id())).isEmpty();

		TenantMove failed = this.moves.find(move.id()).orElseThrow();
		assertThat(failed.step()).isEqualTo(TenantMoveStep.ROLLED_BACK);
		assertThat(failed.error()).isNotBlank();
		assertThat(this.catalog.get(tenant).cluster()).isEqualTo(TenantPlacement.MAIN);
		assertThat(schemaExists(EAST, tenant)).as("the partial target copy dropped").isFalse();
		// nothing lost, and writable again at once
		assertThat(popCount(TenantPlacement.MAIN, tenant)).isEqualTo(2);
		TenantContext.runAs(tenant, () -> this.pops.create(PopDetails.of("Again", "1 Back St", null, null, null)));
		assertThat(popCount(TenantPlacement.MAIN, tenant)).isEqualTo(3);
		assertThat(events(tenant)).extracting(SecurityEvent::type).contains(SecurityEventType.TENANT_MOVE_FAILED);
		// and it can be moved afterwards
		assertThat(this.moves.register(tenant, EAST, OPS).step()).isEqualTo(TenantMoveStep.REQUESTED);
	}

	@Test
	void shouldRedoACopyAfterACrashWithoutDoublingAndFinishThroughTheJob() {
		TenantId tenant = onboardWithPops("mvcrash", 2);
		TenantMove move = this.moves.register(tenant, EAST, OPS);
		this.steps.advance(move.id());
		this.steps.advance(move.id());
		assertStep(move, TenantMoveStep.COPIED);
		// the replica died after the copy committed, before its step was written
		jdbc(TenantPlacement.MAIN).sql("UPDATE public.tenant_move SET step = 'WINDOW_OPEN' WHERE id = ?")
			.param(move.id())
			.update();

		// the job, restarted, goes on from the recorded step to the end. It is run here,
		// not
		// through the shared scheduler table: the other test contexts of this JVM know
		// only
		// main and hand a move they cannot run back to the table, so which replica runs
		// it
		// would be a lottery (in production every replica knows the same clusters).
		String id = move.id().toString();
		TaskInstance<String> job = new TaskInstance<>(TenantMoves.TASK.getTaskName(), id, id);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			this.moveTask.execute(job, null);
			return this.moves.find(move.id()).orElseThrow().step() == TenantMoveStep.DONE;
		});

		assertThat(popCount(EAST, tenant)).isEqualTo(2);
		assertThat(this.catalog.get(tenant).cluster()).isEqualTo(EAST);
		assertThat(schemaExists(TenantPlacement.MAIN, tenant)).isFalse();
		assertThat(TenantContext.callAs(tenant, () -> this.pops.list(ScrollPosition.keyset(), 10).getContent()))
			.hasSize(2);
	}

	@Test
	void shouldFinishAMoveToMainOnlyOnceItsOutboxIsDelivered() {
		String slug = TestDatabase.uniqueSlug("mvmain");
		this.onboarding.onboard(slug, slug, RateLimitTier.STARTER, EAST);
		TenantId tenant = TenantId.of(slug);
		TenantMove move = this.moves.register(tenant, TenantPlacement.MAIN, OPS);
		for (int step = 0; step < 4; step++) {
			this.steps.advance(move.id());
		}
		assertStep(move, TenantMoveStep.WINDOW_CLOSED);
		// an entry copied with the schema (a crash between a commit on east and its
		// delivery) that cannot be delivered yet: on main the sweep never visits it
		UUID entry = UUID.randomUUID();
		jdbc(TenantPlacement.MAIN)
			.sql("INSERT INTO " + tenant.schemaName()
					+ ".platform_outbox (id, kind, body, created_at) VALUES (?, 'NOT_DELIVERABLE_YET', ?, now())")
			.params(entry,
					"{\"type\":\"USER_CREATED\",\"tenant\":\"" + slug
							+ "\",\"actor\":\"test\",\"subject\":\"left-on-east\",\"detail\":null,\"occurredAt\":\""
							+ Instant.now() + "\"}")
			.update();

		assertThat(this.steps.advance(move.id())).as("the move waits to deliver again").isPresent();
		assertStep(move, TenantMoveStep.WINDOW_CLOSED);
		assertThat(schemaExists(EAST, tenant)).as("old copy dropped").isFalse();

		jdbc(TenantPlacement.MAIN)
			.sql("UPDATE " + tenant.schemaName() + ".platform_outbox SET kind = 'SECURITY_EVENT' WHERE id = ?")
			.param(entry)
			.update();
		assertThat(this.steps.advance(move.id())).isEmpty();
		assertStep(move, TenantMoveStep.DONE);
		assertThat(jdbc(TenantPlacement.MAIN).sql("SELECT count(*) FROM " + tenant.schemaName() + ".platform_outbox")
			.query(Integer.class)
			.single()).isZero();
		assertThat(events(tenant)).extracting(SecurityEvent::subject).contains("left-on-east");
	}

	@Test
	void shouldRefuseMovesThatCannotBe() {
		TenantId tenant = onboardWithPops("mvbad", 0);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.moves.request(tenant, "west", OPS))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field, FieldError::code)
				.containsExactly(tuple("toCluster", ErrorCode.UNKNOWN_CLUSTER)));
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> this.moves.request(tenant, TenantPlacement.MAIN, OPS))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_STATE));
		this.moves.register(tenant, EAST, OPS);
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> this.moves.register(tenant, EAST, OPS))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_STATE));
		assertThat(this.catalog.get(tenant).cluster()).isEqualTo(TenantPlacement.MAIN);
	}

	private void assertWritesRefusedReadsServed(TenantId tenant, int pops) {
		Throwable refused = catchThrowable(() -> TenantContext.runAs(tenant,
				() -> this.pops.create(PopDetails.of("During", "9 Window St", null, null, null))));
		assertThat(refused).isNotNull();
		assertThat(TenantClusters.refusedByMoveWindow(refused)).as("refused by the window: %s", refused).isTrue();
		assertThat(TenantContext.callAs(tenant, () -> this.pops.list(ScrollPosition.keyset(), 20).getContent()))
			.hasSize(pops);
	}

	private TenantId onboardWithPops(String prefix, int count) {
		String slug = TestDatabase.uniqueSlug(prefix);
		this.onboarding.onboard(slug, slug, RateLimitTier.STARTER, TenantPlacement.MAIN);
		TenantId tenant = TenantId.of(slug);
		for (int i = 0; i < count; i++) {
			String name = "Pop " + i;
			TenantContext.runAs(tenant, () -> this.pops.create(PopDetails.of(name, "Street", null, null, null)));
		}
		return tenant;
	}

	private void assertStep(TenantMove move, TenantMoveStep step) {
		assertThat(this.moves.find(move.id()).orElseThrow().step()).isEqualTo(step);
	}

	private List<SecurityEvent> events(TenantId tenant) {
		return this.audit.list(tenant, null, ScrollPosition.keyset(), 50).getContent();
	}

	private JdbcClient jdbc(String cluster) {
		return JdbcClient.create(this.clusters.dataSource(cluster));
	}

	private int popCount(String cluster, TenantId tenant) {
		return jdbc(cluster).sql("SELECT count(*) FROM " + tenant.schemaName() + ".pop").query(Integer.class).single();
	}

	private boolean schemaExists(String cluster, TenantId tenant) {
		return jdbc(cluster).sql("SELECT count(*) > 0 FROM pg_namespace WHERE nspname = ?")
			.param(tenant.schemaName())
			.query(Boolean.class)
			.single();
	}

}
