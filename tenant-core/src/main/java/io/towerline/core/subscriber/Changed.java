package io.towerline.core.subscriber;

import io.towerline.core.operation.RouterOperation;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber after a change, with the operation that carries the change to the router.
 *
 * @param subscriber the desired state now recorded
 * @param operation the operation handle, or null when nothing needed to reach the router
 */
public record Changed(Subscriber subscriber, @Nullable RouterOperation operation) {

}
