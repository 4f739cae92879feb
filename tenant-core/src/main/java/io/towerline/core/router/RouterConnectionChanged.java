package io.towerline.core.router;

import java.util.UUID;

/**
 * A router's address, TLS settings or credentials changed: work that waited for it
 * (credentials refused, certificate untrusted, unreachable) may go through now.
 *
 * @param routerId the router
 */
public record RouterConnectionChanged(UUID routerId) {

}
