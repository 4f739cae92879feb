package io.towerline.core.alert;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A rule's condition holding for one object in this sweep.
 *
 * @param objectId the router, or the operation
 * @param routerId the router concerned
 * @param summary what was seen, for people
 */
record Firing(UUID objectId, @Nullable UUID routerId, String summary) {

}
