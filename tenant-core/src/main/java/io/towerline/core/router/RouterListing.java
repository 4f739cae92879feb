package io.towerline.core.router;

import java.util.Map;

import io.towerline.core.paging.KeysetPages;
import io.towerline.core.tenancy.TenantContext;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff's router list in the order asked, by keyset pages. */
@Service
public class RouterListing {

	private final JdbcClient jdbc;

	private final RouterRepository routers;

	RouterListing(JdbcClient jdbc, RouterRepository routers) {
		this.jdbc = jdbc;
		this.routers = routers;
	}

	@Transactional(readOnly = true)
	public Window<Router> find(RouterOrder order, boolean descending, ScrollPosition position, int limit) {
		String table = TenantContext.require().schemaName() + ".router r";
		return KeysetPages.read(this.jdbc, table, "r", "true", Map.of(), order.keys(), descending, position, limit,
				this.routers::findAllById, Router::id);
	}

}
