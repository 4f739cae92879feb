package io.towerline.core.audit;

import java.sql.Timestamp;
import java.util.UUID;

import javax.sql.DataSource;

import io.towerline.core.platformoutbox.OutboxDelivery;
import io.towerline.core.tenancy.PlatformDataSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a security event kept in a tenant's outbox onto main's log, once: the outbox
 * entry's id is the event's {@code origin}, and a second delivery of it changes nothing
 * (ADR 0183).
 */
@Component
class SecurityEventDelivery implements OutboxDelivery {

	static final String KIND = "SECURITY_EVENT";

	private final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient main;

	SecurityEventDelivery(DataSource dataSource) {
		this.main = JdbcClient.create(PlatformDataSource.of(dataSource));
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void deliver(UUID id, String body) {
		DeliveredEvent event = this.json.readValue(body, DeliveredEvent.class);
		this.main
			.sql("INSERT INTO public.security_event (occurred_at, type, tenant, actor, subject, detail, origin) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (origin) WHERE origin IS NOT NULL DO NOTHING")
			.params(Timestamp.from(event.occurredAt()), event.type().name(), event.tenant(), event.actor(),
					event.subject(), event.detail(), id)
			.update();
	}

}
