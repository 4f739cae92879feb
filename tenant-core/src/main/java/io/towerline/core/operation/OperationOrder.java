package io.towerline.core.operation;

import java.util.List;

import io.towerline.core.paging.SortKey;

/** How the staff's operation list is ordered; equal keys by when requested, then id. */
public enum OperationOrder {

	/** By when the operation was requested. */
	CREATED(List.of(SortKey.instant("created", "o.created_at"))),

	/** By status name, then when requested. */
	STATUS(List.of(SortKey.text("status", "o.status"), SortKey.instant("created", "o.created_at"))),

	/** By kind name, then when requested. */
	KIND(List.of(SortKey.text("kind", "o.kind"), SortKey.instant("created", "o.created_at")));

	private final List<SortKey> keys;

	OperationOrder(List<SortKey> keys) {
		this.keys = keys;
	}

	List<SortKey> keys() {
		return this.keys;
	}

}
