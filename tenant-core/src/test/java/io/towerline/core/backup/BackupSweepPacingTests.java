package io.towerline.core.backup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.RouterDetails;
import io.towerline.core.sweep.PacedSweeps;
import io.towerline.core.sweep.SleptClock;
import io.towerline.core.sweep.TenantSweeps;
import io.towerline.core.testsupport.TenantRouterFixture;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * The backup sweep queues a shared schedule's routers spread over its interval (ADR
 * 0266), on a clock that moves only when the sweep sleeps: the backup of the k-th router
 * due of n is queued no earlier than k/n of the span, never all at once.
 */
class BackupSweepPacingTests extends BackupTest {

	private static final double SPREAD = 0.75;

	@Autowired
	TenantSweeps tenantSweeps;

	private final SleptClock clock = new SleptClock();

	/** The routers whose backups were queued, with the clock's time. */
	private final List<Queued> queued = new CopyOnWriteArrayList<>();

	record Queued(UUID routerId, long at) {
	}

	@Test
	void shouldListTheRoutersForSweepsInIdOrder() {
		List<UUID> ours = routers();
		// PostgreSQL orders uuids as their text: not by name, not by when they were added
		assertThat(inTenant(this.routers::ids))
			.containsExactlyElementsOf(ours.stream().sorted(Comparator.comparing(UUID::toString)).toList());
	}

	@Test
	void shouldQueueTheBackupsOfRoutersDueTogetherSpreadOverTheInterval() {
		List<UUID> ours = routers();
		inTenant(() -> this.schedule.change(true, Duration.ofHours(6), 30, 90, false, false, STAFF));
		try {
			long start = this.clock.nanoTime();
			paced().sweep(() -> false);

			// ours, each once (the workers may record two close starts either way round)
			assertThat(this.queued.stream().map(Queued::routerId).filter(ours::contains))
				.containsExactlyInAnyOrderElementsOf(ours);
			long span = (long) (this.sweep.properties().sweepInterval().toNanos() * SPREAD);
			List<Long> times = this.queued.stream().map(Queued::at).sorted().toList();
			int n = times.size();
			for (int k = 0; k < n; k++) {
				assertThat(times.get(k) - start).as("the %d-th of %d backups queued", k, n)
					.isGreaterThanOrEqualTo((long) (span * ((double) k / n)));
			}
			assertThat(this.clock.nanoTime() - start).as("all queued within the span")
				.isEqualTo((long) (span * ((double) (n - 1) / n)));
		}
		finally {
			inTenant(() -> this.schedule.change(false, Duration.ofHours(6), 30, 90, false, false, STAFF));
		}
	}

	/** The fixture's router and eleven more on its simulator, names not in id order. */
	private List<UUID> routers() {
		List<UUID> ours = new ArrayList<>(List.of(this.routerId));
		for (int i = 1; i < 12; i++) {
			RouterDetails details = RouterDetails.of("edge-" + i, "127.0.0.1", this.simulator.port(), false, null, null,
					TenantRouterFixture.USER);
			ours.add(inTenant(() -> this.routers.create(details, TenantRouterFixture.PASSWORD).id()));
		}
		return ours;
	}

	/** The sweep as scheduled, on the test's clock, its operations recorded, not run. */
	private BackupSweep.Run paced() {
		RouterOperations operations = mock(RouterOperations.class);
		willAnswer((invocation) -> {
			OperationRequest request = invocation.getArgument(0);
			this.queued.add(new Queued(request.routerId(), this.clock.nanoTime()));
			return null;
		}).given(operations).enqueue(any());
		BackupSweep.Run sweep = this.sweep;
		return new BackupSweep.Run(new PacedSweeps(this.tenantSweeps, SPREAD, this.clock), sweep.schedule(),
				sweep.retention(), sweep.routers(),
				new StaticListableBeanFactory(Map.of("operations", operations)).getBeanProvider(RouterOperations.class),
				sweep.jdbc(), sweep.transactions(), sweep.clock(), sweep.properties());
	}

}
