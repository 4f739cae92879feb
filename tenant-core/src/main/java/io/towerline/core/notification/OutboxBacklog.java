package io.towerline.core.notification;

import java.time.Instant;
import java.util.List;

import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages waiting in the notification outboxes of every active tenant, and the oldest of
 * them, for metrics; a few hundred schemas per statement.
 */
@Component
public class OutboxBacklog {

	private static final int SCHEMAS_PER_STATEMENT = 200;

	private final TenantCatalog catalog;

	private final JdbcClient jdbc;

	OutboxBacklog(TenantCatalog catalog, JdbcClient jdbc) {
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/** The outbox backlog over every active tenant now. */
	public Snapshot read() {
		return read(this.catalog.activeTenants());
	}

	Snapshot read(List<TenantId> tenants) {
		long queued = 0;
		Instant oldest = null;
		for (int from = 0; from < tenants.size(); from += SCHEMAS_PER_STATEMENT) {
			List<TenantId> batch = tenants.subList(from, Math.min(tenants.size(), from + SCHEMAS_PER_STATEMENT));
			// schema names come from validated TenantIds: lower-case letters, digits and
			// '_'
			String sql = "SELECT coalesce(sum(n), 0), min(oldest) FROM (" + String.join(" UNION ALL ",
					batch.stream()
						.map((tenant) -> "SELECT count(*) AS n, min(created_at) AS oldest FROM " + tenant.schemaName()
								+ ".notification_outbox WHERE status = '" + MessageStatus.QUEUED.name() + "'")
						.toList())
					+ ") AS backlog";
			Snapshot part = this.jdbc.sql(sql)
				.query((rs, n) -> new Snapshot(rs.getLong(1),
						(rs.getTimestamp(2) != null) ? rs.getTimestamp(2).toInstant() : null))
				.single();
			queued += part.queued();
			if (part.oldestQueued() != null && (oldest == null || part.oldestQueued().isBefore(oldest))) {
				oldest = part.oldestQueued();
			}
		}
		return new Snapshot(queued, oldest);
	}

	/**
	 * The outbox backlog at one moment.
	 *
	 * @param queued messages waiting to be sent (first try or a retry)
	 * @param oldestQueued when the oldest waiting message was written, if any
	 */
	public record Snapshot(long queued, @Nullable Instant oldestQueued) {

	}

}
