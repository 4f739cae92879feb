package io.towerline.core.lifecycle;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened to a subscriber.
 *
 * @param id the entry (the id of the event that made it)
 * @param subscriberId the subscriber
 * @param occurredAt when
 * @param kind the event type, e.g. {@code lifecycle.suspended}
 * @param summary what happened, for people
 * @param actor who or what caused it
 */
public record TimelineEntry(UUID id, UUID subscriberId, Instant occurredAt, String kind, String summary, String actor) {

}
