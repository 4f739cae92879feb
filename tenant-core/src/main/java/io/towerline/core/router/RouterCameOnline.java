package io.towerline.core.router;

import java.util.UUID;

/**
 * A health check or connection test found the router answering with its stored
 * credentials.
 *
 * @param routerId the router
 */
public record RouterCameOnline(UUID routerId) {

}
