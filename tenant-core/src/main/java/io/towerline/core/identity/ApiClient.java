package io.towerline.core.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A machine identity of one tenant (a billing system, a CRM) that gets tokens with client
 * credentials. Only a hash of its secret is kept. Revoking it is final; tokens minted
 * under an earlier {@link #tokensValidAfter()} (an {@link AccessEpoch}) are no longer
 * honoured.
 */
@Entity
@Table(schema = "public", name = "api_client")
public class ApiClient {

	@Id
	private UUID id;

	@Column(name = "client_id", nullable = false, unique = true, updatable = false)
	private String clientId;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false, updatable = false)
	private String tenant;

	@Column(name = "secret_hash", nullable = false)
	private String secretHash;

	@Column(nullable = false)
	private String roles;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	@Column(name = "tokens_valid_after", nullable = false)
	private Instant tokensValidAfter;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected ApiClient() {
		this.id = new UUID(0, 0);
		this.clientId = "";
		this.name = "";
		this.tenant = "";
		this.secretHash = "";
		this.roles = "";
		this.tokensValidAfter = Instant.EPOCH;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	ApiClient(String clientId, String name, TenantId tenant, Set<String> roles, String secretHash, Instant now) {
		this.id = UUID.randomUUID();
		this.clientId = clientId;
		this.name = name;
		this.tenant = tenant.slug();
		this.roles = RoleNames.join(roles);
		this.secretHash = secretHash;
		this.tokensValidAfter = AccessEpoch.next(Instant.EPOCH, now);
		this.createdAt = now;
		this.updatedAt = now;
	}

	public UUID id() {
		return this.id;
	}

	/** The public identifier sent as {@code client_id}. */
	public String clientId() {
		return this.clientId;
	}

	public String name() {
		return this.name;
	}

	public TenantId tenant() {
		return TenantId.of(this.tenant);
	}

	public Set<String> roles() {
		return RoleNames.split(this.roles);
	}

	public boolean revoked() {
		return this.revokedAt != null;
	}

	public Optional<Instant> revokedAt() {
		return Optional.ofNullable(this.revokedAt);
	}

	public Instant tokensValidAfter() {
		return this.tokensValidAfter;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/** The stored hash, for the client authentication at the token endpoint only. */
	public String secretHash() {
		return this.secretHash;
	}

	void changeSecret(String secretHash, Instant now) {
		this.secretHash = secretHash;
		this.updatedAt = now;
		this.tokensValidAfter = AccessEpoch.next(this.tokensValidAfter, now);
	}

	void revoke(Instant now) {
		this.revokedAt = now;
		this.updatedAt = now;
		this.tokensValidAfter = AccessEpoch.next(this.tokensValidAfter, now);
	}

	@Override
	public String toString() {
		return "ApiClient[" + this.clientId + "]";
	}

}
