package io.towerline.core.alert;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Platform-wide alerts, kept modest: many tenants with most of their routers unreachable
 * at once (the platform's network or the platform itself is the likelier cause than each
 * tenant's routers), and a scheduler falling behind. Each opens after holding for
 * {@code towerline.alerts.platform-hold} and resolves after staying away as long.
 */
@Service
public class PlatformAlerts {

	static final String ROUTERS_UNREACHABLE = "ROUTERS_UNREACHABLE_ACROSS_TENANTS";

	static final String SCHEDULER_BACKLOG = "SCHEDULER_BACKLOG";

	private static final Logger log = LoggerFactory.getLogger(PlatformAlerts.class);

	private static final String COLUMNS = "id, kind, state, summary, first_seen_at, last_firing_at, opened_at, resolved_at";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final AlertProperties properties;

	PlatformAlerts(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			AlertProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
	}

	/** The newest platform alerts first, at most {@code limit}. */
	public List<PlatformAlert> list(boolean unresolvedOnly, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM public.platform_alert"
					+ (unresolvedOnly ? " WHERE state <> 'RESOLVED'" : "")
					+ " ORDER BY first_seen_at DESC, id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new PlatformAlert(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getString("state"), rs.getString("summary"), instant(rs.getTimestamp("first_seen_at")),
					instantOrNull(rs.getTimestamp("opened_at")), instantOrNull(rs.getTimestamp("resolved_at"))))
			.list();
	}

	void evaluate(Instant now, List<AlertSweeper.TenantSweep> tenants) {
		Map<String, @Nullable String> firing = new LinkedHashMap<>();
		long troubled = tenants.stream()
			.filter((tenant) -> tenant.routers() > 0 && tenant.unreachable() * 2 > tenant.routers())
			.count();
		firing.put(ROUTERS_UNREACHABLE, (troubled >= this.properties.platformTenants())
				? troubled + " tenants have most of their routers unreachable at once" : null);
		long overdue = this.jdbc
			.sql("SELECT count(*) FROM public.scheduled_tasks WHERE NOT picked AND execution_time < :before")
			.param("before", Timestamp.from(now.minus(Duration.ofMinutes(5))))
			.query(Long.class)
			.single();
		firing.put(SCHEDULER_BACKLOG, (overdue > this.properties.platformBacklog())
				? overdue + " jobs are more than five minutes overdue" : null);
		firing.forEach((kind, summary) -> {
			try {
				this.transactions.executeWithoutResult((tx) -> step(kind, summary, now));
			}
			catch (RuntimeException ex) {
				log.warn("Platform alert {} could not be evaluated: {}", kind, ex.toString());
			}
		});
	}

	private void step(String kind, @Nullable String summary, Instant now) {
		Optional<Unresolved> current = this.jdbc
			.sql("SELECT id, state, first_seen_at, last_firing_at FROM public.platform_alert"
					+ " WHERE kind = :kind AND state <> 'RESOLVED' FOR UPDATE")
			.param("kind", kind)
			.query((rs, n) -> new Unresolved(rs.getObject("id", UUID.class), rs.getString("state"),
					instant(rs.getTimestamp("first_seen_at")), instant(rs.getTimestamp("last_firing_at"))))
			.optional();
		Duration hold = this.properties.platformHold();
		if (summary != null) {
			if (current.isEmpty()) {
				this.jdbc
					.sql("INSERT INTO public.platform_alert (" + COLUMNS
							+ ") VALUES (:id, :kind, 'PENDING', :summary, :now, :now, null, null)")
					.param("id", UUID.randomUUID())
					.param("kind", kind)
					.param("summary", summary)
					.param("now", Timestamp.from(now))
					.update();
			}
			else {
				Unresolved alert = current.get();
				boolean opens = alert.state().equals("PENDING") && !now.isBefore(alert.firstSeenAt().plus(hold));
				this.jdbc
					.sql("UPDATE public.platform_alert SET summary = :summary, last_firing_at = :now"
							+ (opens ? ", state = 'OPEN', opened_at = :now" : "") + " WHERE id = :id")
					.param("summary", summary)
					.param("now", Timestamp.from(now))
					.param("id", alert.id())
					.update();
				if (opens) {
					log.warn("Platform alert {} opened: {}", kind, summary);
					this.events.publishEvent(new PlatformAlertOpened(
							new PlatformAlert(alert.id(), kind, "OPEN", summary, alert.firstSeenAt(), now, null)));
				}
			}
			return;
		}
		current.filter((alert) -> !now.isBefore(alert.lastFiringAt().plus(hold))).ifPresent((alert) -> {
			this.jdbc.sql("UPDATE public.platform_alert SET state = 'RESOLVED', resolved_at = :now WHERE id = :id")
				.param("now", Timestamp.from(now))
				.param("id", alert.id())
				.update();
			log.info("Platform alert {} resolved", kind);
		});
	}

	private record Unresolved(UUID id, String state, Instant firstSeenAt, Instant lastFiringAt) {

	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}

	private static @Nullable Instant instantOrNull(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
