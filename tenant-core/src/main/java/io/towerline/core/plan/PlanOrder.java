package io.towerline.core.plan;

import java.util.List;

import io.towerline.core.paging.SortKey;

/** How the staff's plan list is ordered; equal keys by id. */
public enum PlanOrder {

	/** By name. */
	NAME(List.of(SortKey.text("name", "p.name"))),

	/** By the PPP profile's name on the routers. */
	PROFILE(List.of(SortKey.text("profile", "p.profile_name")));

	private final List<SortKey> keys;

	PlanOrder(List<SortKey> keys) {
		this.keys = keys;
	}

	List<SortKey> keys() {
		return this.keys;
	}

}
