package io.towerline.core.audit;

import java.time.Clock;

import io.towerline.core.actor.Actor;
import io.towerline.core.platformoutbox.PlatformOutbox;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and reads the security event log. An event is written in the transaction of the
 * change it records, so a change and its record stand or fall together.
 */
@Service
public class SecurityEventLog {

	/** Newest first. */
	public static final Sort ORDER = Sort.by(Sort.Direction.DESC, "id");

	private static final int MAX_TEXT = 100;

	private static final int MAX_DETAIL = 500;

	private final SecurityEventRepository events;

	private final Clock clock;

	private final PlatformOutbox outbox;

	private final TransactionTemplate reads;

	private final JsonMapper json = JsonMapper.builder().build();

	SecurityEventLog(SecurityEventRepository events, Clock clock, PlatformOutbox outbox,
			PlatformTransactionManager transactions) {
		this.events = events;
		this.clock = clock;
		this.outbox = outbox;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
	}

	/**
	 * Records an event.
	 * @param tenant the tenant concerned, or null for the platform realm
	 * @param actor who did it
	 * @param subject what it was done to
	 * @param detail more for people; must never hold a secret
	 */
	@Transactional
	public void record(SecurityEventType type, @Nullable TenantId tenant, Actor actor, @Nullable String subject,
			@Nullable String detail) {
		SecurityEvent event = new SecurityEvent(type, tenant, clip(actor.value(), MAX_TEXT),
				clipNullable(subject, MAX_TEXT), clipNullable(detail, MAX_DETAIL), this.clock.instant());
		if (this.outbox.defers()) {
			// a tenant off main: kept with its change, delivered onto main after commit
			// (ADR 0183)
			this.outbox.append(SecurityEventDelivery.KIND, this.json.writeValueAsString(DeliveredEvent.of(event)));
			return;
		}
		this.events.save(event);
	}

	/**
	 * One page of events, newest first.
	 * @param tenant only this tenant's events, or every event when null
	 * @param type only events of this type, or all types when null
	 */
	public Window<SecurityEvent> list(@Nullable TenantId tenant, @Nullable SecurityEventType type,
			ScrollPosition position, int limit) {
		// the log is on main whichever tenant the thread serves (ADR 0183)
		return TenantContext.callWithoutTenant(() -> this.reads.execute((tx) -> page(tenant, type, position, limit)));
	}

	private Window<SecurityEvent> page(@Nullable TenantId tenant, @Nullable SecurityEventType type,
			ScrollPosition position, int limit) {
		Limit max = Limit.of(limit);
		if (tenant != null) {
			return (type != null) ? this.events.findByTenantAndType(tenant.slug(), type, position, max, ORDER)
					: this.events.findByTenant(tenant.slug(), position, max, ORDER);
		}
		return (type != null) ? this.events.findByType(type, position, max, ORDER)
				: this.events.findBy(position, max, ORDER);
	}

	private static @Nullable String clipNullable(@Nullable String text, int max) {
		return (text != null) ? clip(text, max) : null;
	}

	/** Keeps entries bounded and printable whatever a caller typed. */
	private static String clip(String text, int max) {
		String printable = text.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (printable.length() > max) ? printable.substring(0, max) : printable;
	}

}
