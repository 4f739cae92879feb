package io.towerline.core.router;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.client.RouterEndpoint;
import io.towerline.mikrotik.client.RouterTls;
import io.towerline.mikrotik.credentials.SealedCredential;
import io.towerline.mikrotik.system.SystemResource;

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

	/** The pooled client of this router. */
	public RouterClient client(Router router) {
		return this.clients.client(endpoint(router));
	}

	/**
	 * Drops the router's connections (credentials or address changed, or router deleted).
	 */
	void forget(Router router) {
		this.clients.evict(endpoint(router));
	}

	/**
	 * Asks the router who and how it is.
	 * @throws RouterException typed by cause: unreachable, authentication failed,
	 * timeout, protocol error
	 */
	RouterFacts probe(Router router) {
		RouterClient client = client(router);
		SystemResource resource = client.system().resource();
		String identity = client.system().identity();
		return new RouterFacts(identity, resource.version().toString(), resource.boardName(), resource.uptime(),
				resource.cpuLoad(), resource.freeMemory(), resource.totalMemory());
	}

	static RouterEndpoint endpoint(Router router) {
		RouterTls tls;
		if (!router.apiSsl()) {
			tls = RouterTls.none();
		}
		else if (router.certificateFingerprint() != null) {
			tls = RouterTls.pinned(router.certificateFingerprint());
		}
		else {
			tls = RouterTls.systemCa();
		}
		return new RouterEndpoint(router.host(), router.port(), tls,
				new SealedCredential(router.credentialReference()));
	}

}
