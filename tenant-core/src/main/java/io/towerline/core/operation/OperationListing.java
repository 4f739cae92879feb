package io.towerline.core.operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.paging.KeysetPages;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's operation list in the order asked, optionally only one status or one
 * subscriber's, by keyset pages.
 */
@Service
public class OperationListing {

	private final JdbcClient jdbc;

	private final OperationRepository operations;

	OperationListing(JdbcClient jdbc, OperationRepository operations) {
		this.jdbc = jdbc;
		this.operations = operations;
	}

	@Transactional(readOnly = true)
	public Window<RouterOperation> find(@Nullable OperationStatus status, @Nullable UUID subscriberId,
			OperationOrder order, boolean descending, ScrollPosition position, int limit) {
		List<String> where = new ArrayList<>(List.of("true"));
		Map<String, Object> params = new HashMap<>();
		if (status != null) {
			where.add("o.status = :status");
			params.put("status", status.name());
		}
		if (subscriberId != null) {
			where.add("o.subscriber_id = :subscriber");
			params.put("subscriber", subscriberId);
		}
		String table = TenantContext.require().schemaName() + ".router_operation o";
		return KeysetPages.read(this.jdbc, table, "o", String.join(" AND ", where), params, order.keys(), descending,
				position, limit, this.operations::findAllById, RouterOperation::id);
	}

}
