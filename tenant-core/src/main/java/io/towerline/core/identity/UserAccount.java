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
 * A person who signs in: staff of one tenant, or (no tenant) a platform admin. The
 * password is kept only as a hash. Tokens minted under another
 * {@link #tokensValidAfter()} (an {@link AccessEpoch}) are no longer honoured (set on
 * every change that can take access away).
 */
@Entity
@Table(schema = "public", name = "app_user")
public class UserAccount {

	@Id
	private UUID id;

	@Column(nullable = false, unique = true)
	private String username;

	@Column(nullable = false)
	private String email;

	@Column
	private @Nullable String tenant;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(nullable = false)
	private String roles;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "tokens_valid_after", nullable = false)
	private Instant tokensValidAfter;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected UserAccount() {
		this.id = new UUID(0, 0);
		this.username = "";
		this.email = "";
		this.passwordHash = "";
		this.roles = "";
		this.tokensValidAfter = Instant.EPOCH;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	UserAccount(String username, String email, @Nullable TenantId tenant, Set<String> roles, String passwordHash,
			Instant now) {
		this.id = UUID.randomUUID();
		this.username = username;
		this.email = email;
		this.tenant = (tenant != null) ? tenant.slug() : null;
		this.roles = RoleNames.join(roles);
		this.passwordHash = passwordHash;
		this.enabled = true;
		this.tokensValidAfter = AccessEpoch.next(Instant.EPOCH, now);
		this.createdAt = now;
		this.updatedAt = now;
	}

	public UUID id() {
		return this.id;
	}

	public String username() {
		return this.username;
	}

	public String email() {
		return this.email;
	}

	/** The user's tenant; empty for a platform admin. */
	public Optional<TenantId> tenant() {
		return Optional.ofNullable(this.tenant).map(TenantId::of);
	}

	public Set<String> roles() {
		return RoleNames.split(this.roles);
	}

	public boolean enabled() {
		return this.enabled;
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

	/** The stored hash, for the password check at sign-in only. */
	public String passwordHash() {
		return this.passwordHash;
	}

	void enable(boolean enabled, Instant now) {
		this.enabled = enabled;
		touch(now);
	}

	void changeRoles(Set<String> roles, Instant now) {
		this.roles = RoleNames.join(roles);
		touch(now);
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		touch(now);
	}

	/** Every change can take access away, so tokens minted before it stop counting. */
	private void touch(Instant now) {
		this.updatedAt = now;
		this.tokensValidAfter = AccessEpoch.next(this.tokensValidAfter, now);
	}

	@Override
	public String toString() {
		return "UserAccount[" + this.username + "]";
	}

}
