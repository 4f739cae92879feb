package io.towerline.core.alert;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A rule's condition holding for one object in this sweep.
 *
 * @param objectId the router, or the operation
 * @param routerId the router concerned
 * @param summary what was seen, for people
 * @param baseline what a SESSIONS_DROPPED condition compares with while it is watched
 * (the peak before the drop), kept on the condition when it is first seen
 */
record Firing(UUID objectId, @Nullable UUID routerId, String summary, @Nullable Long baseline) {

	Firing(UUID objectId, @Nullable UUID routerId, String summary) {
		this(objectId, routerId, summary, null);
	}

}
