package io.towerline.core.testsupport;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests with tenants on two PostgreSQL clusters (ADR 0173): {@code main} is the
 * shared test server, {@code east} a second server of its own ({@link ExternalPostgres}),
 * started once per JVM so every such test class shares one Spring context. The catalog
 * TTL is short so that moves wait little.
 */
public abstract class TwoClusterTest {

	/** The name the second cluster is configured under. */
	public static final String EAST = "east";

	private static volatile ExternalPostgres east;

	@Autowired
	private JdbcClient platform;

	/**
	 * Other test contexts in this JVM know only main: a tenant left active on east would
	 * break their sweeps over every active tenant (its schema is not on main).
	 */
	@AfterEach
	void suspendTenantsLeftOnOtherClusters() {
		this.platform
			.sql("UPDATE public.tenant SET status = 'SUSPENDED', status_reason = 'test tenant on a cluster only its "
					+ "test configures' WHERE cluster <> 'main' AND status = 'ACTIVE'")
			.update();
	}

	@DynamicPropertySource
	static void clusters(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		TestDatabase.Server server = east().server();
		registry.add("towerline.placement.clusters.east.url", server::url);
		registry.add("towerline.placement.clusters.east.username", server::username);
		registry.add("towerline.placement.clusters.east.password", server::password);
		registry.add("towerline.placement.pool-size", () -> "4");
		registry.add("towerline.placement.catalog-ttl", () -> "100ms");
	}

	/** The second server, started on first use and stopped when the JVM exits. */
	public static ExternalPostgres east() {
		ExternalPostgres server = east;
		if (server == null) {
			synchronized (TwoClusterTest.class) {
				server = east;
				if (server == null) {
					server = ExternalPostgres.start();
					Runtime.getRuntime().addShutdownHook(new Thread(server::close));
					east = server;
				}
			}
		}
		return server;
	}

}
