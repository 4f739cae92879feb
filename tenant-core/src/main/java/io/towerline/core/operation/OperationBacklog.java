package io.towerline.core.operation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.TenantCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How much operation work waits over every active tenant: unfinished operations by status
 * and the oldest queued one. Read from the tenants' own tables, a few hundred schemas per
 * statement, for metrics; the same on every replica (the work is shared).
 */
@Component
public class OperationBacklog {

	private static final int SCHEMAS_PER_STATEMENT = 200;

	private final TenantCatalog catalog;

	private final JdbcClient jdbc;

	OperationBacklog(TenantCatalog catalog, JdbcClient jdbc) {
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/** The backlog over every active tenant now. */
	public Snapshot read() {
		return read(this.catalog.activeTenants());
	}

	Snapshot read(List<TenantId> tenants) {
		Map<OperationStatus, Long> counts = new EnumMap<>(OperationStatus.class);
		for (OperationStatus status : OperationStatus.values()) {
			if (!status.isFinal()) {
				counts.put(status, 0L);
			}
		}
		Instant oldest = null;
		for (int from = 0; from < tenants.size(); from += SCHEMAS_PER_STATEMENT) {
			List<TenantId> batch = tenants.subList(from, Math.min(tenants.size(), from + SCHEMAS_PER_STATEMENT));
			// schema names come from validated TenantIds: lower-case letters, digits and
			// '_'
			String sql = String.join(" UNION ALL ", batch.stream()
				.map((tenant) -> "SELECT status, count(*) AS n, min(created_at) AS oldest FROM " + tenant.schemaName()
						+ ".router_operation WHERE status IN ('QUEUED', 'RUNNING', 'WAITING_FOR_ROUTER') GROUP BY status")
				.toList());
			List<Row> rows = this.jdbc.sql(sql)
				.query((rs, n) -> new Row(OperationStatus.valueOf(rs.getString(1)), rs.getLong(2),
						rs.getTimestamp(3).toInstant()))
				.list();
			for (Row row : rows) {
				counts.merge(row.status(), row.count(), Long::sum);
				if (row.status() == OperationStatus.QUEUED && (oldest == null || row.oldest().isBefore(oldest))) {
					oldest = row.oldest();
				}
			}
		}
		return new Snapshot(Map.copyOf(counts), oldest);
	}

	/**
	 * The backlog at one moment.
	 *
	 * @param byStatus unfinished operations per status (every unfinished status present)
	 * @param oldestQueued when the oldest operation still queued was requested, if any
	 */
	public record Snapshot(Map<OperationStatus, Long> byStatus, @Nullable Instant oldestQueued) {

	}

	private record Row(OperationStatus status, long count, Instant oldest) {

	}

}
