package io.towerline.mikrotik.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A command about to be written to a router. Its outcome, when known, comes later as an
 * {@link AuditedCommand} with the same id.
 *
 * @param id identifies this sending of the command (a retried read is a new sending)
 * @param router {@code host:port}
 * @param path the menu command, e.g. {@code /ppp/secret/add}
 * @param parameters attribute and query words in order; secrets are {@code ***}
 * @param at when it was handed to the connection
 */
public record CommandIntent(UUID id, String router, String path, Map<String, String> parameters, Instant at) {

}
