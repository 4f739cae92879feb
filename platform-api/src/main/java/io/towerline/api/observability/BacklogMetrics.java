package io.towerline.api.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.towerline.core.notification.OutboxBacklog;
import io.towerline.core.operation.OperationBacklog;
import io.towerline.core.operation.OperationStatus;
import io.towerline.core.session.SessionTracking;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scale-out metrics the chart's PrometheusRule alerts on (issue 14): the operation
 * backlog by status and the age of the oldest queued operation, the notification outbox
 * backlog (all cluster-wide: every replica reports the same reading, aggregate with
 * {@code max}), and this replica's stream leases: held, taken over from a dead replica,
 * lost to another (counters).
 */
@Configuration(proxyBeanMethods = false)
class BacklogMetrics {

	@Bean
	MeterBinder operationBacklogMetrics(OperationBacklog backlog, BacklogMetricsProperties properties, Clock clock) {
		CachedReading<OperationBacklog.Snapshot> reading = new CachedReading<>(backlog::read,
				properties.backlogRefresh(), clock);
		return (registry) -> {
			for (OperationStatus status : OperationStatus.values()) {
				if (!status.isFinal()) {
					Gauge.builder("towerline.operations.backlog", () -> count(reading.get(), status))
						.description("Unfinished router operations over every tenant, by status")
						.tag("status", status.name())
						.register(registry);
				}
			}
			Gauge.builder("towerline.operations.oldest.queued.age", () -> oldestAge(reading.get(), clock))
				.description("How long the oldest queued router operation has waited (0 when none)")
				.baseUnit("seconds")
				.register(registry);
		};
	}

	@Bean
	MeterBinder outboxBacklogMetrics(OutboxBacklog backlog, BacklogMetricsProperties properties, Clock clock) {
		CachedReading<OutboxBacklog.Snapshot> reading = new CachedReading<>(backlog::read, properties.backlogRefresh(),
				clock);
		return (registry) -> {
			Gauge.builder("towerline.notifications.outbox.backlog", () -> queued(reading.get()))
				.description("Notification messages waiting to be sent over every tenant")
				.register(registry);
			Gauge.builder("towerline.notifications.outbox.oldest.age", () -> oldestAge(reading.get(), clock))
				.description("How long the oldest waiting notification message has waited (0 when none)")
				.baseUnit("seconds")
				.register(registry);
		};
	}

	@Bean
	MeterBinder streamLeaseMetrics(SessionTracking tracking) {
		return (registry) -> {
			Gauge.builder("towerline.stream.leases.held", tracking, (t) -> t.trackedRouters().size())
				.description("Router streams this replica holds the lease of")
				.register(registry);
			FunctionCounter.builder("towerline.stream.lease.takeovers", tracking, SessionTracking::leaseTakeovers)
				.description("Router streams taken over from a replica whose lease expired (it died or stalled)")
				.register(registry);
			FunctionCounter.builder("towerline.stream.lease.losses", tracking, SessionTracking::leaseLosses)
				.description("Router streams this replica held and found taken by another after its lease lapsed")
				.register(registry);
		};
	}

	private static double count(OperationBacklog.@Nullable Snapshot snapshot, OperationStatus status) {
		return (snapshot != null) ? snapshot.byStatus().getOrDefault(status, 0L) : Double.NaN;
	}

	private static double oldestAge(OperationBacklog.@Nullable Snapshot snapshot, Clock clock) {
		return (snapshot != null) ? ageSeconds(snapshot.oldestQueued(), clock) : Double.NaN;
	}

	private static double oldestAge(OutboxBacklog.@Nullable Snapshot snapshot, Clock clock) {
		return (snapshot != null) ? ageSeconds(snapshot.oldestQueued(), clock) : Double.NaN;
	}

	private static double queued(OutboxBacklog.@Nullable Snapshot snapshot) {
		return (snapshot != null) ? snapshot.queued() : Double.NaN;
	}

	private static double ageSeconds(@Nullable Instant since, Clock clock) {
		return (since != null) ? Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0) : 0;
	}

}
