package io.towerline.core.operation;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import io.towerline.core.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many of the bound tenant's operations are in each of some statuses, in one grouped
 * count over the status index. Only the statuses asked are counted: SUCCEEDED grows
 * without bound and no screen needs its total.
 */
@Service
public class OperationCounts {

	private final JdbcClient jdbc;

	OperationCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each status asked, 0 for one no operation is in. */
	@Transactional(readOnly = true)
	public Map<OperationStatus, Long> byStatus(Collection<OperationStatus> statuses) {
		Map<OperationStatus, Long> counts = new EnumMap<>(OperationStatus.class);
		statuses.forEach((status) -> counts.put(status, 0L));
		if (statuses.isEmpty()) {
			return counts;
		}
		this.jdbc
			.sql("SELECT status, count(*) FROM " + TenantContext.require().schemaName()
					+ ".router_operation WHERE status = ANY(?) GROUP BY status")
			.param(statuses.stream().map(Enum::name).toArray(String[]::new))
			.query((rs, row) -> counts.put(OperationStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

}
