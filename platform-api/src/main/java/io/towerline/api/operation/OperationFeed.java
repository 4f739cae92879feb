package io.towerline.api.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.towerline.core.operation.OperationChanges;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every change of a tenant's operations, pushed to the live operations lists of this
 * replica from one shared poll: every {@code period} one read per tenant with listeners
 * of the operations changed since its last look (by updated_at). Each look reaches
 * {@link #OVERLAP} further back than the last change seen, so a change committed late (or
 * stamped by a replica whose clock lags) is still seen; what was already pushed is
 * recognised by its fingerprint and not pushed twice.
 */
@Component
class OperationFeed implements DisposableBean {

	static final Duration OVERLAP = Duration.ofSeconds(2);

	private static final int READ_LIMIT = 500;

	private static final Logger log = LoggerFactory.getLogger(OperationFeed.class);

	private final OperationChanges changes;

	private final Clock clock;

	private final Map<TenantId, TenantFeed> feeds = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller;

	OperationFeed(OperationChanges changes, Clock clock,
			@Value("${towerline.graphql.subscription-poll-period:500ms}") Duration period) {
		this.changes = changes;
		this.clock = clock;
		this.poller = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("operation-feed").factory());
		this.poller.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * The tenant's operations (only those in {@code status} when given) as they change,
	 * from now on.
	 */
	Flux<RouterOperation> follow(TenantId tenant, @Nullable OperationStatus status) {
		return Flux.defer(() -> {
			Listener listener = new Listener(status);
			this.feeds.compute(tenant, (key, feed) -> {
				TenantFeed current = (feed != null) ? feed : new TenantFeed(this.clock.instant());
				current.listeners.add(listener);
				return current;
			});
			return listener.sink.asFlux().doFinally((signal) -> this.feeds.computeIfPresent(tenant, (key, feed) -> {
				feed.listeners.remove(listener);
				return feed.listeners.isEmpty() ? null : feed;
			}));
		});
	}

	/** Listeners currently registered (for tests). */
	int listeners() {
		return this.feeds.values().stream().mapToInt((feed) -> feed.listeners.size()).sum();
	}

	void poll() {
		this.feeds.forEach((tenant, feed) -> {
			try {
				List<RouterOperation> changed = TenantContext.callAs(tenant,
						() -> this.changes.since(feed.readFrom, READ_LIMIT));
				feed.offer(changed, changed.size() == READ_LIMIT);
			}
			catch (RuntimeException ex) {
				log.warn("Reading the changed operations of tenant {} failed ({}); next try in one period",
						tenant.slug(), ex.toString());
			}
		});
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
		this.feeds.values().forEach((feed) -> feed.listeners.forEach((listener) -> listener.sink.tryEmitComplete()));
	}

	/**
	 * One tenant's listeners and how far its changes have been read; only the poller
	 * mutates it.
	 */
	private static final class TenantFeed {

		private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

		/** The fingerprint last pushed per operation, for changes within the overlap. */
		private final Map<UUID, Pushed> pushed = new HashMap<>();

		private Instant readFrom;

		TenantFeed(Instant from) {
			this.readFrom = from;
		}

		void offer(List<RouterOperation> changed, boolean full) {
			Instant latest = this.readFrom;
			for (RouterOperation operation : changed) {
				String fingerprint = OperationWatch.fingerprint(operation);
				Pushed last = this.pushed.get(operation.id());
				if (last == null || !last.fingerprint().equals(fingerprint)) {
					this.pushed.put(operation.id(), new Pushed(fingerprint, operation.updatedAt()));
					this.listeners.forEach((listener) -> listener.offer(operation));
				}
				if (operation.updatedAt().isAfter(latest)) {
					latest = operation.updatedAt();
				}
			}
			// a full read is caught up from its last change; otherwise look back by the
			// overlap next time
			Instant next = full ? latest : latest.minus(OVERLAP);
			if (next.isAfter(this.readFrom)) {
				this.readFrom = next;
			}
			Instant forget = this.readFrom;
			this.pushed.values().removeIf((entry) -> entry.updatedAt().isBefore(forget));
		}

	}

	private record Pushed(String fingerprint, Instant updatedAt) {

	}

	/**
	 * One subscription; a listener that cannot keep up loses changes rather than memory.
	 */
	private static final class Listener {

		private final @Nullable OperationStatus status;

		private final Sinks.Many<RouterOperation> sink = Sinks.many()
			.unicast()
			.onBackpressureBuffer(Queues.<RouterOperation>get(1024).get());

		Listener(@Nullable OperationStatus status) {
			this.status = status;
		}

		void offer(RouterOperation operation) {
			if (this.status == null || this.status == operation.status()) {
				this.sink.tryEmitNext(operation);
			}
		}

	}

}
