package io.towerline.core.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.towerline.core.alert.AlertFilter;
import io.towerline.core.alert.AlertState;
import io.towerline.core.alert.Alerts;
import io.towerline.core.drift.DriftCounts;
import io.towerline.core.lifecycle.LifecycleCounts;
import io.towerline.core.operation.OperationCounts;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterCounts;
import io.towerline.core.router.RouterStatus;
import io.towerline.core.router.Routers;
import io.towerline.core.session.OnlineSessionFilter;
import io.towerline.core.session.OnlineSessions;
import io.towerline.core.subscriber.SubscriberCounts;
import io.towerline.core.subscriber.SubscriberStatus;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.traffic.RouterThroughput;
import io.towerline.core.traffic.TrafficSnapshots;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the bound tenant's dashboard figures from the features' own counts: a handful of
 * grouped counts, however many routers, subscribers or operations the tenant has.
 */
@Service
public class TenantSummaries {

	private static final EnumSet<OperationStatus> NOT_DONE = EnumSet.of(OperationStatus.QUEUED, OperationStatus.RUNNING,
			OperationStatus.WAITING_FOR_ROUTER, OperationStatus.FAILED);

	private final RouterCounts routerCounts;

	private final SubscriberCounts subscriberCounts;

	private final LifecycleCounts lifecycleCounts;

	private final OperationCounts operationCounts;

	private final DriftCounts driftCounts;

	private final Alerts alerts;

	private final OnlineSessions onlineSessions;

	private final Routers routers;

	private final TrafficSnapshots traffic;

	private final Clock clock;

	TenantSummaries(RouterCounts routerCounts, SubscriberCounts subscriberCounts, LifecycleCounts lifecycleCounts,
			OperationCounts operationCounts, DriftCounts driftCounts, Alerts alerts, OnlineSessions onlineSessions,
			Routers routers, TrafficSnapshots traffic, Clock clock) {
		this.routerCounts = routerCounts;
		this.subscriberCounts = subscriberCounts;
		this.lifecycleCounts = lifecycleCounts;
		this.operationCounts = operationCounts;
		this.driftCounts = driftCounts;
		this.alerts = alerts;
		this.onlineSessions = onlineSessions;
		this.routers = routers;
		this.traffic = traffic;
		this.clock = clock;
	}

	/** The counts, read in one read-only transaction (one consistent snapshot). */
	@Transactional(readOnly = true)
	public TenantSummary current() {
		Map<RouterStatus, Long> routers = this.routerCounts.byStatus();
		Map<SubscriberStatus, Long> subscribers = this.subscriberCounts.byStatus();
		Map<OperationStatus, Long> operations = this.operationCounts.byStatus(NOT_DONE);
		return new TenantSummary(
				new TenantSummary.Routers(routers.values().stream().mapToLong(Long::longValue).sum(),
						routers.get(RouterStatus.ONLINE), routers.get(RouterStatus.UNREACHABLE),
						routers.get(RouterStatus.AUTH_FAILED), routers.get(RouterStatus.UNKNOWN)),
				new TenantSummary.Subscribers(subscribers.values().stream().mapToLong(Long::longValue).sum(),
						subscribers.get(SubscriberStatus.PENDING), subscribers.get(SubscriberStatus.ACTIVE),
						this.lifecycleCounts.inGrace(), subscribers.get(SubscriberStatus.SUSPENDED),
						subscribers.get(SubscriberStatus.DISABLED)),
				new TenantSummary.Operations(operations.get(OperationStatus.QUEUED),
						operations.get(OperationStatus.RUNNING), operations.get(OperationStatus.WAITING_FOR_ROUTER),
						operations.get(OperationStatus.FAILED)),
				new TenantSummary.Alerts(count(AlertState.OPEN), count(AlertState.ACKNOWLEDGED)),
				this.driftCounts.openItems(), this.onlineSessions.count(OnlineSessionFilter.ALL));
	}

	/**
	 * Subscriber traffic now, summed over the routers online by their last health check,
	 * read in parallel (each read shared with other dashboards for the snapshot-reuse
	 * period). A router that cannot be read is counted, not fatal.
	 */
	public TenantThroughput throughput() {
		List<Router> online = this.routers.getAll(List.copyOf(this.routers.idsByName().values()))
			.stream()
			.filter((router) -> router.health().status() == RouterStatus.ONLINE)
			.toList();
		long rx = 0;
		long tx = 0;
		int read = 0;
		int unreachable = 0;
		Instant measuredAt = null;
		// live traffic: the tenant goes along (a first read is rated against the
		// trackers' samples, read in its schema)
		TenantId tenant = TenantContext.require();
		try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<RouterThroughput>> pending = online.stream()
				.map((router) -> readers
					.submit(() -> TenantContext.callAs(tenant, () -> this.traffic.throughput(router))))
				.toList();
			for (Future<RouterThroughput> future : pending) {
				try {
					RouterThroughput throughput = future.get();
					rx += throughput.rxBitsPerSecond();
					tx += throughput.txBitsPerSecond();
					read++;
					if (measuredAt == null || throughput.measuredAt().isAfter(measuredAt)) {
						measuredAt = throughput.measuredAt();
					}
				}
				catch (ExecutionException ex) {
					unreachable++;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					unreachable++;
				}
			}
		}
		return new TenantThroughput((measuredAt != null) ? measuredAt : this.clock.instant(), rx, tx, read,
				unreachable);
	}

	private long count(AlertState state) {
		return this.alerts.count(new AlertFilter(List.of(state), null, null, null));
	}

}
