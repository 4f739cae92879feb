package io.towerline.api.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.towerline.core.identity.AccessChanged;
import io.towerline.core.identity.ApiClient;
import io.towerline.core.identity.ApiClientRegistry;
import io.towerline.core.identity.PrincipalKind;
import io.towerline.core.identity.UserAccount;
import io.towerline.core.identity.UserDirectory;

import org.springframework.context.event.EventListener;

/**
 * Whether a user or API client may still use its tokens, cached for a few seconds so the
 * request path does not read the database every time. A change on this replica drops the
 * entry at once ({@link AccessChanged}); one on another replica is seen within the time
 * to live.
 */
class AccessStatusCache {

	private final UserDirectory users;

	private final ApiClientRegistry clients;

	private final Cache<String, Optional<Access>> entries;

	AccessStatusCache(UserDirectory users, ApiClientRegistry clients, Duration ttl) {
		this.users = users;
		this.clients = clients;
		this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
	}

	/** The principal's access, or empty when it does not exist (any more). */
	Optional<Access> of(PrincipalKind kind, String name) {
		return this.entries.get(key(kind, name), (key) -> load(kind, name));
	}

	/** Reads the principal's access again, replacing what was cached. */
	Optional<Access> reload(PrincipalKind kind, String name) {
		Optional<Access> access = load(kind, name);
		this.entries.put(key(kind, name), access);
		return access;
	}

	@EventListener
	void on(AccessChanged event) {
		this.entries.invalidate(key(event.kind(), event.name()));
	}

	private Optional<Access> load(PrincipalKind kind, String name) {
		return switch (kind) {
			case USER -> this.users.findByUsername(name).map(AccessStatusCache::of);
			case CLIENT -> this.clients.findByClientId(name).map(AccessStatusCache::of);
		};
	}

	private static Access of(UserAccount user) {
		return new Access(user.enabled(), user.tokensValidAfter());
	}

	private static Access of(ApiClient client) {
		return new Access(!client.revoked(), client.tokensValidAfter());
	}

	private static String key(PrincipalKind kind, String name) {
		return kind.name() + ':' + name;
	}

	/**
	 * What the check needs.
	 *
	 * @param active enabled user, or client not revoked
	 * @param tokensValidAfter the access epoch: tokens minted under another are refused
	 */
	record Access(boolean active, Instant tokensValidAfter) {

	}

}
