package io.towerline.core.audit;

import java.time.Instant;

import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

/** What a tenant's outbox keeps of a security event (ADR 0183). */
record DeliveredEvent(SecurityEventType type, @Nullable String tenant, String actor, @Nullable String subject,
		@Nullable String detail, Instant occurredAt) {

	static DeliveredEvent of(SecurityEvent event) {
		return new DeliveredEvent(event.type(), event.tenant().map(TenantId::slug).orElse(null), event.actor(),
				event.subject(), event.detail(), event.occurredAt());
	}

}
