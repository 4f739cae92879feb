package io.towerline.core.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

/**
 * A sweep over the parts of every active tenant (each router's health check, drift check,
 * scheduled backup) that starts the parts evenly over a span (ADR 0263, 0266), a bounded
 * number running at once, each with its tenant bound. Its load per second is the same at
 * any fleet size, instead of one burst that the requests of that moment wait behind. A
 * part's failure is reported like a round's ({@link TenantSweeps#failed}) and never stops
 * the others.
 */
public class PacedSweeps {

	private final TenantSweeps sweeps;

	private final double spread;

	private final SweepClock clock;

	/**
	 * @param sweeps runs the listing rounds and reports the parts' failures
	 * @param spread the share of a sweep's interval its parts' starts are spread over
	 * ({@code towerline.sweeps.spread})
	 * @param clock what the sweeps wait on
	 */
	public PacedSweeps(TenantSweeps sweeps, double spread, SweepClock clock) {
		this.sweeps = sweeps;
		this.spread = spread;
		this.clock = clock;
	}

	/**
	 * Lists every active tenant's parts, then works on them paced; returns once the parts
	 * started have finished.
	 * @param sweep what the listing rounds are called in the log ("Router health sweep")
	 * @param part what a part's work is called, before its id ("Health check of router")
	 * @param parts the current tenant's parts, run with the tenant bound
	 * @param work one part's work, run with its tenant bound
	 * @param concurrency the most parts worked on at once
	 * @param interval the sweep's interval: the parts' starts are spread over
	 * {@code towerline.sweeps.spread} of it (three quarters by default)
	 * @param stopping true once no more parts are to start (the scheduler stops); the
	 * rest wait for the next sweep
	 */
	public void run(String sweep, String part, Supplier<List<UUID>> parts, Consumer<UUID> work, int concurrency,
			Duration interval, BooleanSupplier stopping) {
		record Due(TenantId tenant, UUID id) {
		}
		List<Due> due = new ArrayList<>();
		this.sweeps.forEachTenant(sweep, (tenant) -> parts.get().forEach((id) -> due.add(new Due(tenant, id))));
		Duration span = Duration.ofNanos((long) (interval.toNanos() * this.spread));
		SweepPacing pacing = new SweepPacing(span, due.size(), stopping, this.clock);
		Semaphore permits = new Semaphore(concurrency);
		try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < due.size() && pacing.awaitTurn(i); i++) {
				Due next = due.get(i);
				String what = part + " " + next.id();
				workers.submit(() -> {
					permits.acquireUninterruptibly();
					try {
						TenantContext.runAs(next.tenant(), () -> work.accept(next.id()));
						this.sweeps.worked(what, next.tenant());
					}
					catch (RuntimeException ex) {
						this.sweeps.failed(what, next.tenant(), ex);
					}
					finally {
						permits.release();
					}
				});
			}
		}
	}

}
