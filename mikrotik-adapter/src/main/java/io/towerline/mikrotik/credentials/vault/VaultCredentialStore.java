package io.towerline.mikrotik.credentials.vault;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.towerline.mikrotik.credentials.CredentialVault;
import io.towerline.mikrotik.credentials.CredentialVaultException;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.credentials.SealedCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.LifecycleAwareSessionManager;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.Versioned;
import org.springframework.web.client.RestTemplate;

/**
 * Production credential storage: each router's login is a KV v2 secret at
 * {@code <mount>/<prefix>/<random id>}; the platform stores only
 * {@code vault:kv2:<prefix>/<id>}. Unsealed credentials are cached briefly so a burst of
 * jobs does not hit Vault per command. The Vault token is renewed before it expires by
 * Spring Vault's session manager; a 403 (token revoked or expired early) drops the
 * session and retries once with a fresh login.
 */
public final class VaultCredentialStore implements CredentialVault, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(VaultCredentialStore.class);

	private static final String PREFIX = "vault:kv2:";

	private record Cached(UsernamePassword credentials, Instant expiresAt) {
	}

	private final VaultTemplate template;

	private final LifecycleAwareSessionManager sessions;

	private final ThreadPoolTaskScheduler scheduler;

	private final VaultSettings settings;

	private final InstantSource clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private VaultCredentialStore(VaultTemplate template, LifecycleAwareSessionManager sessions,
			ThreadPoolTaskScheduler scheduler, VaultSettings settings, InstantSource clock) {
		this.template = template;
		this.sessions = sessions;
		this.scheduler = scheduler;
		this.settings = settings;
		this.clock = clock;
	}

	/** Connects lazily: the first seal or unseal logs in. */
	public static VaultCredentialStore connect(VaultSettings settings) {
		return connect(settings, InstantSource.system());
	}

	static VaultCredentialStore connect(VaultSettings settings, InstantSource clock) {
		VaultEndpoint endpoint = VaultEndpoint.from(settings.address());
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build());
		requests.setReadTimeout(settings.requestTimeout());
		RestTemplate rest = VaultClients.createRestTemplate(endpoint, requests);
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setDaemon(true);
		scheduler.setThreadNamePrefix("vault-session-");
		scheduler.initialize();
		LifecycleAwareSessionManager sessions = new LifecycleAwareSessionManager(
				VaultLogins.authentication(settings.login(), rest), scheduler, rest);
		VaultTemplate template = new VaultTemplate(endpoint, requests, sessions);
		return new VaultCredentialStore(template, sessions, scheduler, settings, clock);
	}

	@Override
	public SealedCredential seal(UsernamePassword credentials) {
		String path = this.settings.pathPrefix() + "/" + UUID.randomUUID();
		Map<String, Object> secret = new LinkedHashMap<>();
		secret.put("username", credentials.username());
		char[] password = credentials.password();
		secret.put("password", new String(password));
		Arrays.fill(password, '\0');
		withSession("store", () -> kv().put(path, secret));
		return new SealedCredential(PREFIX + path);
	}

	@Override
	public UsernamePassword unseal(SealedCredential sealed) {
		String path = path(sealed);
		Cached cached = this.cache.get(path);
		if (cached != null && this.clock.instant().isBefore(cached.expiresAt())) {
			return cached.credentials();
		}
		Versioned<Map<String, Object>> secret = withSession("read", () -> kv().get(path));
		if (secret == null || !secret.hasData() || secret.getData() == null) {
			throw new CredentialVaultException("no router credentials at " + sealed.reference(), null);
		}
		Map<String, Object> data = secret.getData();
		Object username = data.get("username");
		Object password = data.get("password");
		if (!(username instanceof String name) || !(password instanceof String secretValue)) {
			throw new CredentialVaultException("router credentials at " + sealed.reference() + " are incomplete", null);
		}
		UsernamePassword credentials = new UsernamePassword(name, secretValue.toCharArray());
		this.cache.put(path, new Cached(credentials, this.clock.instant().plus(this.settings.cacheTtl())));
		return credentials;
	}

	@Override
	public void discard(SealedCredential sealed) {
		String path = path(sealed);
		this.cache.remove(path);
		withSession("delete", () -> {
			kv().opsForKeyValueMetadata().delete(path);
			return null;
		});
	}

	/** Drops cached credentials (e.g. after a password rotation elsewhere). */
	public void evictCache() {
		this.cache.clear();
	}

	private VaultVersionedKeyValueOperations kv() {
		return this.template.opsForVersionedKeyValue(this.settings.mount());
	}

	private <T> T withSession(String action, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (VaultException ex) {
			if (!VaultLogins.isForbidden(ex)) {
				throw failure(action, ex);
			}
			log.info("Vault refused the session token ({}); logging in again", action);
			this.sessions.destroy();
			try {
				return call.get();
			}
			catch (VaultException retry) {
				throw failure(action, retry);
			}
		}
	}

	private static CredentialVaultException failure(String action, VaultException ex) {
		return new CredentialVaultException("Vault " + action + " failed: " + VaultLogins.describe(ex), null);
	}

	private String path(SealedCredential sealed) {
		if (!sealed.reference().startsWith(PREFIX)) {
			throw new CredentialVaultException("not a Vault credential reference (scheme " + sealed.scheme() + ")",
					null);
		}
		return sealed.reference().substring(PREFIX.length());
	}

	@Override
	public void close() {
		this.sessions.destroy();
		this.scheduler.shutdown();
	}

}
