package io.towerline.core.tenancy;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL clusters tenants may live on besides the main one (ADR 0167, 0173).
 *
 * @param clusters connection of each further cluster by name ({@code main} is
 * {@code spring.datasource} and cannot be configured here)
 * @param catalogTtl how long a replica routes a tenant by the cluster it read from the
 * catalog before reading it again; a move waits this long after each switch so that no
 * replica routes by an older entry
 * @param poolSize connections per further cluster and replica
 * @param newTenantsOnMain place every new tenant created without a cluster on main
 * instead of on the cluster with the fewest tenants (ADR 0184)
 */
@ConfigurationProperties("towerline.placement")
record ClusterProperties(@Nullable Map<String, ClusterConnection> clusters, @Nullable Duration catalogTtl, int poolSize,
		boolean newTenantsOnMain) {

	public ClusterProperties {
		clusters = (clusters != null) ? Map.copyOf(clusters) : Map.of();
		if (catalogTtl == null || catalogTtl.isNegative() || catalogTtl.isZero()) {
			catalogTtl = Duration.ofSeconds(2);
		}
		if (poolSize < 1) {
			poolSize = 10;
		}
	}

	/**
	 * How to reach one cluster.
	 *
	 * @param url JDBC URL
	 * @param username login user (the same privileges as the main one: it creates the
	 * tenant schemas and roles there)
	 * @param password its password
	 */
	public record ClusterConnection(String url, String username, @Nullable String password) {

	}

}
