package io.towerline.core.router;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A MikroTik router of the tenant. The password is never here: only the opaque reference
 * of its sealed credentials.
 */
@Entity
@Table(name = "router")
public class Router {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String host;

	@Column(nullable = false)
	private int port;

	@Column(name = "api_ssl", nullable = false)
	private boolean apiSsl;

	@Column(name = "certificate_fingerprint")
	private @Nullable String certificateFingerprint;

	@Column(name = "pop_id")
	private @Nullable UUID popId;

	@Column(nullable = false)
	private String username;

	@Column(name = "credential_ref", nullable = false)
	private String credentialReference;

	/** A simulator, not a real router (the embedded demo's): shown as such everywhere. */
	@Column(nullable = false)
	private boolean simulated;

	@Embedded
	private RouterHealth health = new RouterHealth();

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Router() {
		this.id = new UUID(0, 0);
		this.name = "";
		this.host = "";
		this.username = "";
		this.credentialReference = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Router(UUID id, RouterDetails details, String credentialReference, Instant now) {
		this();
		this.id = id;
		this.createdAt = now;
		apply(details, now);
		this.credentialReference = credentialReference;
	}

	public UUID id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public boolean apiSsl() {
		return this.apiSsl;
	}

	public @Nullable String certificateFingerprint() {
		return this.certificateFingerprint;
	}

	public @Nullable UUID popId() {
		return this.popId;
	}

	public String username() {
		return this.username;
	}

	String credentialReference() {
		return this.credentialReference;
	}

	public boolean simulated() {
		return this.simulated;
	}

	void markSimulated(boolean simulated, Instant now) {
		this.simulated = simulated;
		this.updatedAt = now;
	}

	public RouterHealth health() {
		return this.health;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	void apply(RouterDetails details, Instant now) {
		boolean connectionChanged = !details.host().equals(this.host) || details.port() != this.port
				|| details.apiSsl() != this.apiSsl || !details.username().equals(this.username);
		this.name = details.name();
		this.host = details.host();
		this.port = details.port();
		this.apiSsl = details.apiSsl();
		this.certificateFingerprint = details.certificateFingerprint();
		this.popId = details.popId();
		this.username = details.username();
		this.updatedAt = now;
		if (connectionChanged) {
			this.health.reset();
		}
	}

	void replaceCredentials(String credentialReference, Instant now) {
		this.credentialReference = credentialReference;
		this.updatedAt = now;
		this.health.reset();
	}

}
