package io.towerline.core.router;

import io.towerline.core.paging.TableListing;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff's router list in the order asked, by keyset pages. */
@Service
public class RouterListing {

	private final TableListing<Router> routers;

	RouterListing(JdbcClient jdbc, RouterRepository routers) {
		this.routers = new TableListing<>(jdbc, "router", "r", routers::findAllById, Router::id);
	}

	@Transactional(readOnly = true)
	public Window<Router> find(RouterOrder order, boolean descending, ScrollPosition position, int limit) {
		return this.routers.page(order.keys(), descending, position, limit);
	}

}
