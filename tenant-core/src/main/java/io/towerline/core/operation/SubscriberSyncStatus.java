package io.towerline.core.operation;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber's sync state and the operation that carries its latest change (null when
 * in sync).
 *
 * @param state whether the router holds the latest state
 * @param operation the operation applying it, while not in sync
 */
public record SubscriberSyncStatus(SyncState state, @Nullable RouterOperation operation) {

	static SubscriberSyncStatus of(@Nullable RouterOperation operation) {
		if (operation == null) {
			return new SubscriberSyncStatus(SyncState.IN_SYNC, null);
		}
		SyncState state = switch (operation.status()) {
			case QUEUED, RUNNING, SUPERSEDED -> SyncState.PENDING;
			case WAITING_FOR_ROUTER -> SyncState.WAITING_FOR_ROUTER;
			// a succeeded operation that did not confirm this subscriber failed for it
			case FAILED, SUCCEEDED -> SyncState.FAILED;
		};
		return new SubscriberSyncStatus(state, operation);
	}

}
