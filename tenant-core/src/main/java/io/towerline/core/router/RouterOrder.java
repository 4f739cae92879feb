package io.towerline.core.router;

import java.util.List;

import io.towerline.core.paging.SortKey;

/**
 * How the staff's router list is ordered; equal keys by name, then id.
 */
public enum RouterOrder {

	/** By name. */
	NAME(List.of(SortKey.text("name", "r.name"))),

	/** By the health status of the last check (status name), then name. */
	HEALTH(List.of(SortKey.text("status", "r.status"), SortKey.text("name", "r.name")));

	private final List<SortKey> keys;

	RouterOrder(List<SortKey> keys) {
		this.keys = keys;
	}

	List<SortKey> keys() {
		return this.keys;
	}

}
