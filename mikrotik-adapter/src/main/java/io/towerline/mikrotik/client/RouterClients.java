package io.towerline.mikrotik.client;

import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.towerline.mikrotik.RouterAuthenticationException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.connection.RouterConnection;
import io.towerline.mikrotik.credentials.CredentialVault;
import io.towerline.mikrotik.credentials.CredentialVaultException;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.credentials.SealedCredential;
import io.towerline.mikrotik.files.FtpRetrieval;
import org.jspecify.annotations.Nullable;

/**
 * The module's entry point: one per application. Hands out a {@link RouterClient} per
 * router address, each with its own connection pool, throttle and circuit breaker, and
 * sweeps idle connections in the background.
 *
 * <pre>{@code
 * RouterClients routers = new RouterClients(RouterClientSettings.defaults(), vault, auditor);
 * RouterClient router = routers.client(RouterEndpoint.apiSsl("10.0.0.1", RouterTls.pinned(sha256), sealed));
 * router.pppSecrets().upsert(PppSecretSpec.pppoe("alice", "s3cret", "plan-10M"));
 * }</pre>
 */
public final class RouterClients implements AutoCloseable {

	private final RouterClientSettings settings;

	private final @Nullable CredentialVault vault;

	private final RouterCommandAuditor auditor;

	/**
	 * By owner: the router record's id, or the address for clients asked for by endpoint.
	 */
	private final Map<String, RouterClient> clients = new ConcurrentHashMap<>();

	private final ScheduledExecutorService sweeper;

	private final CircuitBreakerConfig breakerConfig;

	/** The shared clients' breakers, one per owner, for metrics. */
	private final CircuitBreakerRegistry breakers;

	/**
	 * @param vault unseals {@link SealedCredential}s; null when all endpoints carry
	 * direct credentials
	 * @param auditor receives every command sent
	 */
	public RouterClients(RouterClientSettings settings, @Nullable CredentialVault vault, RouterCommandAuditor auditor) {
		this.settings = settings;
		this.vault = vault;
		this.auditor = auditor;
		this.breakerConfig = RouterCircuitBreaker.config(settings.breakerFailureThreshold(),
				settings.breakerOpenDuration(), InstantSource.system());
		this.breakers = CircuitBreakerRegistry.of(this.breakerConfig);
		this.sweeper = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("routeros-idle-sweeper").factory());
		long period = Math.max(1, Math.min(settings.idleTimeout().toMillis() / 2, 30_000));
		this.sweeper.scheduleWithFixedDelay(this::evictIdle, period, period, TimeUnit.MILLISECONDS);
	}

	/** Default settings, no vault, no auditing: for tools and tests. */
	public static RouterClients create() {
		return new RouterClients(RouterClientSettings.defaults(), null, RouterCommandAuditor.NONE);
	}

	/**
	 * The client for this router, known by its address: for tools and tests that hold one
	 * record per device. The platform names each router record
	 * ({@link #client(String, RouterEndpoint)}).
	 */
	public RouterClient client(RouterEndpoint endpoint) {
		return client(endpoint.address(), endpoint);
	}

	/**
	 * The client of one router record, named by {@code owner} (the record's id). Repeated
	 * calls with the same endpoint share one client; a changed endpoint (rotated
	 * credentials, new TLS pin) replaces the old client and closes its connections. Two
	 * records of one address (two tenants naming the same device, or one naming
	 * another's) have a client, pool and breaker each: neither replaces, closes nor trips
	 * the other's.
	 */
	public RouterClient client(String owner, RouterEndpoint endpoint) {
		return this.clients.compute(owner, (name, existing) -> {
			if (existing != null && existing.endpoint().equals(endpoint)) {
				return existing;
			}
			if (existing != null) {
				existing.close();
			}
			// a changed endpoint starts with a closed circuit, as a new client always has
			this.breakers.remove(name);
			return create(endpoint, this.breakers.circuitBreaker(name));
		});
	}

	/**
	 * Runs {@code work} on a client of its own for this endpoint, neither shared nor
	 * kept: for checking an address and credentials before they are saved. Its pool,
	 * breaker and throttle are its own, so a failed check leaves the router's shared
	 * client (and its breaker) untouched.
	 * @throws RouterException typed by cause: unreachable, authentication failed,
	 * timeout, protocol error
	 */
	public <T> T withOwnClient(RouterEndpoint endpoint, Function<RouterClient, T> work) {
		RouterClient client = create(endpoint, CircuitBreaker.of(endpoint.address(), this.breakerConfig));
		try {
			return work.apply(client);
		}
		finally {
			client.close();
		}
	}

	/** Closes and forgets a router's connections, known by its address. */
	public void evict(RouterEndpoint endpoint) {
		evict(endpoint.address());
	}

	/**
	 * Closes and forgets the connections of the router record {@code owner} (router
	 * deleted, moved, or its address or credentials changed).
	 */
	public void evict(String owner) {
		RouterClient removed = this.clients.remove(owner);
		if (removed != null) {
			removed.close();
			this.breakers.remove(owner);
		}
	}

	/**
	 * The shared clients' circuit breakers (named by their owner: the router record's id,
	 * or the address for clients asked for by endpoint), for binding their metrics: the
	 * adapter itself has no metrics library.
	 */
	public CircuitBreakerRegistry circuitBreakers() {
		return this.breakers;
	}

	/** Open API connections over all routers. */
	public int openConnections() {
		return this.clients.values().stream().mapToInt(RouterClient::openConnections).sum();
	}

	private RouterClient create(RouterEndpoint endpoint, CircuitBreaker breaker) {
		String router = endpoint.address();
		CapabilityProbe capabilities = new CapabilityProbe();
		CommandAudit audit = new CommandAudit(router, this.auditor);
		RouterConnectionPool pool = new RouterConnectionPool(router, () -> connect(endpoint, capabilities, audit),
				this.settings.maxConnectionsPerRouter(), this.settings.maxInFlightPerConnection(),
				this.settings.idleTimeout());
		GuardedCommandExecutor executor = new GuardedCommandExecutor(router, this.settings, pool,
				new RouterCircuitBreaker(breaker),
				new CommandThrottle(router, this.settings.commandsPerSecond(), this.settings.commandBurst()), audit,
				capabilities);
		FtpRetrieval ftp = new FtpRetrieval(endpoint.host(), () -> loginCopy(endpoint), this.settings.commandTimeout());
		return new RouterClient(endpoint, executor, pool, ftp);
	}

	/** The router's login for one FTP transfer, which wipes it after. */
	private UsernamePassword loginCopy(RouterEndpoint endpoint) {
		UsernamePassword credentials = credentials(endpoint);
		if (endpoint.credentials() instanceof SealedCredential) {
			return credentials;
		}
		char[] password = credentials.password();
		try {
			return new UsernamePassword(credentials.username(), password);
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	private RouterConnection connect(RouterEndpoint endpoint, CapabilityProbe capabilities, CommandAudit audit) {
		UsernamePassword credentials = credentials(endpoint);
		char[] password = credentials.password();
		try {
			RouterConnection connection = RouterConnection.open(
					SocketOpener.open(endpoint, this.settings.connectTimeout()), endpoint.address(),
					credentials.username(), password, this.settings.loginTimeout(), this.settings.cancelGrace());
			capabilities.probeQuietly(connection, this.settings.commandTimeout(), audit);
			return connection;
		}
		catch (RouterException ex) {
			throw ConnectFailure.uniform(endpoint, ex);
		}
		finally {
			Arrays.fill(password, '\0');
			if (endpoint.credentials() instanceof SealedCredential) {
				credentials.wipe();
			}
		}
	}

	private UsernamePassword credentials(RouterEndpoint endpoint) {
		return switch (endpoint.credentials()) {
			case UsernamePassword direct -> direct;
			case SealedCredential sealed -> {
				if (this.vault == null) {
					throw new RouterAuthenticationException(endpoint.address(),
							"credentials are sealed but no credential vault is configured");
				}
				try {
					yield this.vault.unseal(sealed);
				}
				catch (CredentialVaultException ex) {
					throw new RouterAuthenticationException(endpoint.address(),
							"credentials unavailable: " + ex.getMessage());
				}
			}
		};
	}

	private void evictIdle() {
		this.clients.values().forEach(RouterClient::evictIdle);
	}

	@Override
	public void close() {
		this.sweeper.shutdownNow();
		this.clients.values().forEach(RouterClient::close);
		this.clients.clear();
	}

}
