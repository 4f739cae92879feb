package io.towerline.api.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.towerline.api.sharedfeed.SharedFeed;
import io.towerline.api.sharedfeed.SharedFeeds;
import io.towerline.core.alert.Alert;
import io.towerline.core.alert.Alerts;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Newly opened alerts for every {@code alertRaised} subscription of this replica from one
 * shared poll (like operation updates, ADR 0025): every {@code period} it reads the
 * alerts opened since the last one it saw, one query per tenant that has subscribers, and
 * hands them to all of that tenant's subscriptions ({@link SharedFeeds}, the home of
 * feeds many subscriptions share). The database stays the source of truth, so alerts
 * opened by the sweep on any replica are seen.
 */
@Component
class AlertWatch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AlertWatch.class);

	private static final int BATCH = 100;

	private final Alerts alerts;

	private final SharedFeeds<TenantId, Seen, Alert> feeds;

	private final ScheduledExecutorService poller;

	AlertWatch(Alerts alerts, Clock clock,
			@Value("${towerline.graphql.subscription-poll-period:500ms}") Duration period) {
		this.alerts = alerts;
		this.feeds = new SharedFeeds<>((tenant) -> new Seen(clock.instant()));
		this.poller = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("alert-watch").factory());
		this.poller.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The tenant's alerts as they open, from now on. */
	Flux<Alert> follow(TenantId tenant) {
		return this.feeds.follow(tenant, (feed, newcomer) -> {
			// from now on: nothing seen before is handed to a newcomer
		});
	}

	/** Whether the tenant has at least one subscription on this replica. */
	boolean follows(TenantId tenant) {
		return this.feeds.watched(tenant);
	}

	void poll() {
		this.feeds.forEach((tenant, feed) -> {
			try {
				Seen seen = feed.state();
				List<Alert> opened = TenantContext.callAs(tenant,
						() -> this.alerts.openedAfter(seen.at, seen.id, BATCH));
				feed.whileWatched(() -> opened.forEach((alert) -> push(feed, alert)));
			}
			catch (RuntimeException ex) {
				log.warn("Reading new alerts of tenant {} failed ({}); next try in one period", tenant.slug(),
						ex.toString());
			}
		});
	}

	private static void push(SharedFeed<Seen, Alert> feed, Alert alert) {
		feed.push(alert);
		feed.state().at = alert.openedAt();
		feed.state().id = alert.id();
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
		this.feeds.completeAll();
	}

	/** The last alert a tenant's feed handed out; only the poller thread moves it. */
	private static final class Seen {

		private volatile Instant at;

		private volatile UUID id = new UUID(0, 0);

		Seen(Instant from) {
			this.at = from;
		}

	}

}
