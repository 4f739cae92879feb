package io.towerline.api.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.towerline.core.alert.Alert;
import io.towerline.core.alert.Alerts;
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
 * Newly opened alerts for every {@code alertRaised} subscription of this replica from one
 * shared poll (like operation updates, ADR 0025): every {@code period} it reads the
 * alerts opened since the last one it saw, one query per tenant that has subscribers, and
 * hands them to all of that tenant's subscriptions. The database stays the source of
 * truth, so alerts opened by the sweep on any replica are seen.
 */
@Component
class AlertWatch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AlertWatch.class);

	private static final int BATCH = 100;

	private final Alerts alerts;

	private final Clock clock;

	private final Map<TenantId, Feed> feeds = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller;

	AlertWatch(Alerts alerts, Clock clock,
			@Value("${towerline.graphql.subscription-poll-period:500ms}") Duration period) {
		this.alerts = alerts;
		this.clock = clock;
		this.poller = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("alert-watch").factory());
		this.poller.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The tenant's alerts as they open, from now on. */
	Flux<Alert> follow(TenantId tenant) {
		return Flux.defer(() -> {
			Feed feed = this.feeds.compute(tenant, (key, existing) -> {
				Feed joined = (existing != null) ? existing : new Feed(this.clock.instant());
				joined.subscribers.incrementAndGet();
				return joined;
			});
			return feed.alerts.asFlux().doFinally((signal) -> leave(tenant, feed));
		});
	}

	/** Whether the tenant has at least one subscription on this replica. */
	boolean follows(TenantId tenant) {
		return this.feeds.containsKey(tenant);
	}

	private void leave(TenantId tenant, Feed feed) {
		this.feeds.computeIfPresent(tenant, (key, current) -> {
			if (current == feed && feed.subscribers.decrementAndGet() == 0) {
				feed.alerts.tryEmitComplete();
				return null;
			}
			return current;
		});
	}

	void poll() {
		this.feeds.forEach((tenant, feed) -> {
			try {
				List<Alert> opened = TenantContext.callAs(tenant,
						() -> this.alerts.openedAfter(feed.seenAt, feed.seenId, BATCH));
				for (Alert alert : opened) {
					feed.alerts.tryEmitNext(alert);
					feed.seenAt = alert.openedAt();
					feed.seenId = alert.id();
				}
			}
			catch (RuntimeException ex) {
				log.warn("Reading new alerts of tenant {} failed ({}); next try in one period", tenant.slug(),
						ex.toString());
			}
		});
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
		this.feeds.values().forEach((feed) -> feed.alerts.tryEmitComplete());
	}

	/** One tenant's stream; only the poller thread emits and moves the mark. */
	private static final class Feed {

		private final Sinks.Many<Alert> alerts = Sinks.many().multicast().directBestEffort();

		private final AtomicInteger subscribers = new AtomicInteger();

		private volatile Instant seenAt;

		private volatile UUID seenId = new UUID(0, 0);

		Feed(Instant from) {
			this.seenAt = from;
		}

	}

}
