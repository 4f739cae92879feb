package io.towerline.mikrotik.client;

import io.towerline.mikrotik.RouterCapabilities;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.files.Backups;
import io.towerline.mikrotik.files.Files;
import io.towerline.mikrotik.files.FtpRetrieval;
import io.towerline.mikrotik.interfaces.Interfaces;
import io.towerline.mikrotik.ppp.PppActiveSessions;
import io.towerline.mikrotik.ppp.PppProfiles;
import io.towerline.mikrotik.pool.IpPools;
import io.towerline.mikrotik.ppp.PppSecrets;
import io.towerline.mikrotik.system.SystemInfo;

/**
 * Everything the platform can do on one router, as typed operations. Thread-safe and
 * cheap to share: all callers multiplex over the router's small connection pool. Obtain
 * it from {@link RouterClients#client}.
 */
public final class RouterClient {

	private final RouterEndpoint endpoint;

	private final GuardedCommandExecutor executor;

	private final RouterConnectionPool pool;

	private final PppSecrets pppSecrets;

	private final PppProfiles pppProfiles;

	private final PppActiveSessions pppActive;

	private final Interfaces interfaces;

	private final SystemInfo system;

	private final Files files;

	private final Backups backups;

	private final IpPools ipPools;

	RouterClient(RouterEndpoint endpoint, GuardedCommandExecutor executor, RouterConnectionPool pool,
			FtpRetrieval ftp) {
		this.endpoint = endpoint;
		this.executor = executor;
		this.pool = pool;
		this.pppSecrets = new PppSecrets(executor);
		this.pppProfiles = new PppProfiles(executor);
		this.pppActive = new PppActiveSessions(executor);
		this.interfaces = new Interfaces(executor);
		this.system = new SystemInfo(executor);
		this.files = new Files(executor, ftp);
		this.backups = new Backups(executor, this.files);
		this.ipPools = new IpPools(executor);
	}

	public RouterEndpoint endpoint() {
		return this.endpoint;
	}

	public PppSecrets pppSecrets() {
		return this.pppSecrets;
	}

	public PppProfiles pppProfiles() {
		return this.pppProfiles;
	}

	public IpPools ipPools() {
		return this.ipPools;
	}

	public PppActiveSessions pppActive() {
		return this.pppActive;
	}

	public Interfaces interfaces() {
		return this.interfaces;
	}

	public SystemInfo system() {
		return this.system;
	}

	public Files files() {
		return this.files;
	}

	public Backups backups() {
		return this.backups;
	}

	/** Version-dependent behaviour, detected from {@code /system/resource} on connect. */
	public RouterCapabilities capabilities() {
		return this.executor.capabilities();
	}

	/**
	 * Checks that the router answers (connecting if needed) with the cheapest command
	 * there is.
	 * @throws io.towerline.mikrotik.RouterException when it does not
	 */
	public void ping() {
		this.executor.execute(Command.to("/system/identity/print").build());
	}

	/** Open API connections to this router right now. */
	public int openConnections() {
		return this.pool.openConnections();
	}

	void close() {
		this.pool.close();
	}

	int evictIdle() {
		return this.pool.evictIdle();
	}

}
