package io.towerline.core.router;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import io.towerline.core.error.NotFoundException;
import io.towerline.core.sweep.TenantSweeps;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Probes routers and records what it saw: ONLINE with version, board, CPU, memory and
 * uptime, or UNREACHABLE / AUTH_FAILED with the reason. A sweep covers every active
 * tenant, probing a bounded number of routers at once.
 */
@Service
public class RouterHealthCheck {

	private final RouterRepository routers;

	private final RouterAccess access;

	private final TenantSweeps sweeps;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int concurrency;

	private final ApplicationEventPublisher events;

	RouterHealthCheck(RouterRepository routers, RouterAccess access, TenantSweeps sweeps,
			TransactionTemplate transactions, Clock clock, RouterProperties properties,
			ApplicationEventPublisher events) {
		this.events = events;
		this.routers = routers;
		this.access = access;
		this.sweeps = sweeps;
		this.transactions = transactions;
		this.clock = clock;
		this.concurrency = properties.healthCheckConcurrency();
	}

	/**
	 * Probes one router of the current tenant now and records the outcome.
	 * @return the router with its updated health
	 */
	public Router check(UUID routerId) {
		Router router = this.transactions.execute(
				(tx) -> this.routers.findById(routerId).orElseThrow(() -> new NotFoundException("Router", routerId)));
		ProbeOutcome outcome = probe(router);
		Router checked = this.transactions.execute((tx) -> {
			Router current = this.routers.findById(routerId).orElse(router);
			outcome.applyTo(current, this.clock);
			return current;
		});
		if (outcome.facts() != null) {
			this.events.publishEvent(new RouterCameOnline(routerId));
		}
		return checked;
	}

	/** Probes every router of every active tenant. */
	public void sweep() {
		Semaphore permits = new Semaphore(this.concurrency);
		try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
			this.sweeps.forEachTenant("Router health sweep", (tenant) -> {
				List<UUID> ids = this.transactions
					.execute((tx) -> this.routers.findAll().stream().map(Router::id).toList());
				for (UUID id : ids) {
					workers.submit(() -> {
						permits.acquireUninterruptibly();
						try {
							TenantContext.callAs(tenant, () -> check(id));
							this.sweeps.worked("Health check of router " + id, tenant);
						}
						catch (RuntimeException ex) {
							this.sweeps.failed("Health check of router " + id, tenant, ex);
						}
						finally {
							permits.release();
						}
					});
				}
			});
		}
	}

	private ProbeOutcome probe(Router router) {
		try {
			return new ProbeOutcome(this.access.probe(router), null, null);
		}
		catch (RouterAuthenticationException ex) {
			return new ProbeOutcome(null, RouterStatus.AUTH_FAILED, ex.code() + ": " + ex.getMessage());
		}
		catch (RouterException ex) {
			return new ProbeOutcome(null, RouterStatus.UNREACHABLE, ex.code() + ": " + ex.getMessage());
		}
	}

	private record ProbeOutcome(RouterFacts facts, RouterStatus failure, String detail) {

		void applyTo(Router router, Clock clock) {
			if (this.facts != null) {
				router.health().seen(this.facts, clock.instant());
			}
			else {
				router.health().failed(this.failure, this.detail, clock.instant());
			}
		}

	}

}
