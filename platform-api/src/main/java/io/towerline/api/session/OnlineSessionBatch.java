package io.towerline.api.session;

import java.util.List;
import java.util.UUID;

/**
 * One element of {@code onlineSessionsFeed}: a snapshot or the changes since the last.
 */
record OnlineSessionBatch(boolean snapshot, boolean truncated, List<LiveSession> started, List<UUID> ended) {

	boolean isEmpty() {
		return this.started.isEmpty() && this.ended.isEmpty();
	}

}
