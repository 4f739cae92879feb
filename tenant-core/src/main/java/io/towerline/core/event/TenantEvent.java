package io.towerline.core.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.tenancy.TenantId;

/**
 * Something that happened in one tenant, in the one envelope every listener reads: the
 * notification outbox, integration webhooks (whose receivers see {@code type},
 * {@code subject} and {@code data} verbatim) and alerts. Published with Spring's
 * {@code ApplicationEventPublisher} inside the transaction of the change it reports.
 *
 * @param id unique per event; receivers de-duplicate on it
 * @param tenant whose event it is; listeners bind it before touching a tenant table
 * @param type {@code <feature>.<past-tense verb>}, lower case, for example
 * {@code subscriber.suspended}; the constants live with the publishing feature
 * @param subject the id of the object it is about (a subscriber, router, alert ...)
 * @param actor who or what caused it
 * @param occurredAt when it happened
 * @param data the event's facts, small and flat (names and values as text)
 */
public record TenantEvent(UUID id, TenantId tenant, String type, String subject, Actor actor, Instant occurredAt,
		Map<String, String> data) {

	public TenantEvent {
		if (type == null || !type.matches("[a-z][a-z_]*\\.[a-z][a-z_]*")) {
			throw new IllegalArgumentException("an event type is <feature>.<verb>: " + type);
		}
		data = Map.copyOf(data);
	}

	/** A new event with a fresh id. */
	public static TenantEvent of(TenantId tenant, String type, String subject, Actor actor, Instant occurredAt,
			Map<String, String> data) {
		return new TenantEvent(UUID.randomUUID(), tenant, type, subject, actor, occurredAt, data);
	}

}
