package io.towerline.core.traffic;

import java.time.Instant;

/**
 * No readings for now, and why; the watch goes on and readings follow once the cause is
 * gone. Sent again at every failed retry.
 *
 * @param at when the platform noticed
 * @param code the stable code
 * @param message for people
 * @param retryAt when the platform asks the router again
 */
public record TrafficInterruption(Instant at, TrafficInterruptionReason code, String message,
		Instant retryAt) implements TrafficEvent {

}
