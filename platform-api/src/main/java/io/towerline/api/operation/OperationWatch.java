package io.towerline.api.operation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Live operation updates for every subscription of this replica from one shared poll:
 * every {@code period} it reads all followed operations, one query per tenant that has
 * followers, and pushes each change to the subscriptions following it. The database stays
 * the source of truth, so changes made by any replica's workers are seen; the load is one
 * read per tenant and period, however many subscriptions are open.
 */
@Component
class OperationWatch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OperationWatch.class);

	private final RouterOperations operations;

	private final Set<Follower> followers = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService poller;

	OperationWatch(RouterOperations operations,
			@Value("${towerline.graphql.subscription-poll-period:500ms}") Duration period) {
		this.operations = operations;
		this.poller = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("operation-watch").factory());
		this.poller.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * {@code first}, then the operation each time it changes, until it is final.
	 * @param first the operation as just read for the caller (which also proved it is the
	 * caller's tenant's)
	 */
	Flux<RouterOperation> follow(TenantId tenant, RouterOperation first) {
		if (first.status().isFinal()) {
			return Flux.just(first);
		}
		return Flux.defer(() -> {
			Follower follower = new Follower(tenant, first.id(), fingerprint(first));
			this.followers.add(follower);
			return Flux.concat(Flux.just(first), follower.changes.asFlux())
				.doFinally((signal) -> this.followers.remove(follower));
		});
	}

	/** Followers currently registered (for tests and metrics). */
	int followers() {
		return this.followers.size();
	}

	void poll() {
		Map<TenantId, List<Follower>> byTenant = this.followers.stream()
			.collect(Collectors.groupingBy(Follower::tenant));
		byTenant.forEach((tenant, following) -> {
			try {
				Set<UUID> ids = following.stream().map(Follower::operation).collect(Collectors.toSet());
				Map<UUID, RouterOperation> current = TenantContext.callAs(tenant, () -> this.operations.findAll(ids))
					.stream()
					.collect(Collectors.toMap(RouterOperation::id, Function.identity()));
				following.forEach((follower) -> follower.offer(current.get(follower.operation())));
			}
			catch (RuntimeException ex) {
				log.warn("Reading followed operations of tenant {} failed ({}); next try in one period", tenant.slug(),
						ex.toString());
			}
		});
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
		this.followers.forEach((follower) -> follower.changes.tryEmitComplete());
	}

	static String fingerprint(RouterOperation operation) {
		return operation.updatedAt().toString() + operation.status() + operation.progressDone() + '/'
				+ operation.progressFailed();
	}

	/** One subscription following one operation; only the poller thread emits. */
	private static final class Follower {

		private final TenantId tenant;

		private final UUID operation;

		private final Sinks.Many<RouterOperation> changes = Sinks.many().unicast().onBackpressureBuffer();

		private String last;

		Follower(TenantId tenant, UUID operation, String last) {
			this.tenant = tenant;
			this.operation = operation;
			this.last = last;
		}

		TenantId tenant() {
			return this.tenant;
		}

		UUID operation() {
			return this.operation;
		}

		void offer(RouterOperation current) {
			if (current == null) {
				// deleted (its tenant was removed): nothing more will come
				this.changes.tryEmitComplete();
				return;
			}
			String fingerprint = fingerprint(current);
			if (!fingerprint.equals(this.last)) {
				this.last = fingerprint;
				this.changes.tryEmitNext(current);
			}
			if (current.status().isFinal()) {
				this.changes.tryEmitComplete();
			}
		}

	}

}
