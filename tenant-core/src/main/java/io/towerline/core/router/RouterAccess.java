package io.towerline.core.router;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.client.RouterEndpoint;
import io.towerline.mikrotik.client.RouterTls;
import io.towerline.mikrotik.credentials.CredentialSource;
import io.towerline.mikrotik.credentials.SealedCredential;
import io.towerline.mikrotik.system.SystemResource;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The one way from a {@link Router} record to a live client: builds the adapter's
 * endpoint (TLS mode, pinned fingerprint, sealed credentials) and hands out the pooled
 * client for it.
 */
@Component
public class RouterAccess {

	private final RouterClients clients;

	RouterAccess(RouterClients clients) {
		this.clients = clients;
	}

	/**
	 * The pooled client of this router record: its own even when another record (another
	 * tenant's) names the same address.
	 */
	public RouterClient client(Router router) {
		return this.clients.client(router.id().toString(), endpoint(router));
	}

	/**
	 * Drops the router's connections (credentials or address changed, or router deleted).
	 */
	void forget(Router router) {
		this.clients.evict(router.id().toString());
	}

	/**
	 * Asks the router who and how it is.
	 * @throws RouterException typed by cause: unreachable, authentication failed,
	 * timeout, protocol error
	 */
	RouterFacts probe(Router router) {
		return facts(client(router));
	}

	/**
	 * Asks a router that is not saved yet (or whose address or credentials are about to
	 * change) who it is, on a connection of its own: the shared client and its breaker
	 * are left alone.
	 * @throws RouterException typed by cause
	 */
	RouterFacts probe(RouterDetails details, CredentialSource credentials) {
		RouterEndpoint endpoint = new RouterEndpoint(details.host(), details.port(),
				tls(details.apiSsl(), details.certificateFingerprint()), credentials);
		return this.clients.withOwnClient(endpoint, RouterAccess::facts);
	}

	private static RouterFacts facts(RouterClient client) {
		SystemResource resource = client.system().resource();
		String identity = client.system().identity();
		return new RouterFacts(identity, resource.version().toString(), resource.boardName(), resource.uptime(),
				resource.cpuLoad(), resource.freeMemory(), resource.totalMemory());
	}

	static RouterEndpoint endpoint(Router router) {
		return new RouterEndpoint(router.host(), router.port(), tls(router.apiSsl(), router.certificateFingerprint()),
				new SealedCredential(router.credentialReference()));
	}

	private static RouterTls tls(boolean apiSsl, @Nullable String fingerprint) {
		if (!apiSsl) {
			return RouterTls.none();
		}
		return (fingerprint != null) ? RouterTls.pinned(fingerprint) : RouterTls.systemCa();
	}

}
