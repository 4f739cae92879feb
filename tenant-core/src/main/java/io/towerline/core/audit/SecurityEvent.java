package io.towerline.core.audit;

import java.time.Instant;
import java.util.Optional;

import io.towerline.core.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One entry of the security event log. Never changes once written. */
@Entity
@Table(schema = "public", name = "security_event")
public class SecurityEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private SecurityEventType type;

	@Column(updatable = false)
	private @Nullable String tenant;

	@Column(nullable = false, updatable = false)
	private String actor;

	@Column(updatable = false)
	private @Nullable String subject;

	@Column(updatable = false)
	private @Nullable String detail;

	protected SecurityEvent() {
		this.occurredAt = Instant.EPOCH;
		this.type = SecurityEventType.LOGIN_FAILED;
		this.actor = "";
	}

	SecurityEvent(SecurityEventType type, @Nullable TenantId tenant, String actor, @Nullable String subject,
			@Nullable String detail, Instant now) {
		this.occurredAt = now;
		this.type = type;
		this.tenant = (tenant != null) ? tenant.slug() : null;
		this.actor = actor;
		this.subject = subject;
		this.detail = detail;
	}

	public long id() {
		return (this.id != null) ? this.id : 0;
	}

	public Instant occurredAt() {
		return this.occurredAt;
	}

	public SecurityEventType type() {
		return this.type;
	}

	/** The tenant the event concerns; empty for platform-realm events. */
	public Optional<TenantId> tenant() {
		return Optional.ofNullable(this.tenant).map(TenantId::of);
	}

	/** Who did it: a user name, a client id, or {@code system}. */
	public String actor() {
		return this.actor;
	}

	/** What it was done to: a user name, a client id or a tenant slug. */
	public @Nullable String subject() {
		return this.subject;
	}

	/** More about it, for people (never a secret). */
	public @Nullable String detail() {
		return this.detail;
	}

}
