package io.towerline.core.tenancy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PostgreSQL clusters tenant schemas live on and where each tenant is now (ADR 0167,
 * 0173): {@code main} is the application's own database, the others come from
 * {@code towerline.placement.clusters}, each with a pool of its own opened on first use.
 * A tenant's placement is read from the catalog ({@code public.tenant.cluster} and its
 * move window) and kept for {@code catalog-ttl}; a move waits out that time after each
 * switch, so every replica has seen it before the next step.
 */
@Component
@EnableConfigurationProperties(ClusterProperties.class)
public class TenantClusters implements DisposableBean {

	/**
	 * How soon a job of a tenant this replica cannot reach is offered again (to any
	 * replica).
	 */
	public static final Duration ELSEWHERE = Duration.ofMillis(500);

	private static final String READ_ONLY_TRANSACTION = "25006";

	private final ClusterProperties properties;

	private final DataSource application;

	private final DataSource main;

	private final JdbcClient catalog;

	private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

	private final Map<String, Cached> placements = new ConcurrentHashMap<>();

	TenantClusters(ClusterProperties properties, DataSource dataSource) throws SQLException {
		this.properties = properties;
		this.application = dataSource;
		// the catalog is read on the main pool itself: the lookup runs while a tenant
		// connection is being taken, so it must not be routed (nor recurse)
		this.main = dataSource.isWrapperFor(ClusterRoutingDataSource.class)
				? dataSource.unwrap(ClusterRoutingDataSource.class).main() : dataSource;
		this.catalog = JdbcClient.create(this.main);
	}

	/** Every cluster a tenant may be placed on, {@code main} first. */
	public Set<String> names() {
		Set<String> names = new TreeSet<>(this.properties.clusters().keySet());
		names.remove(TenantPlacement.MAIN);
		Set<String> all = new LinkedHashSet<>();
		all.add(TenantPlacement.MAIN);
		all.addAll(names);
		return all;
	}

	public boolean exists(String cluster) {
		return TenantPlacement.MAIN.equals(cluster) || this.properties.clusters().containsKey(cluster);
	}

	/**
	 * The cluster a new tenant created without one is placed on (ADR 0184): the
	 * configured cluster with the fewest tenants, main on a tie; main alone when no
	 * further cluster is configured (nothing is read then) or {@code new-tenants-on-main}
	 * is set.
	 */
	public String placeNew() {
		if (!routing() || this.properties.newTenantsOnMain()) {
			return TenantPlacement.MAIN;
		}
		Map<String, Long> counts = new HashMap<>();
		this.catalog.sql("SELECT cluster, count(*) FROM public.tenant GROUP BY cluster")
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return fewestTenants(names(), counts);
	}

	/**
	 * Of {@code clusters} (main first), the one with the fewest tenants by
	 * {@code counts}; the first of them on a tie.
	 */
	static String fewestTenants(Set<String> clusters, Map<String, Long> counts) {
		String chosen = TenantPlacement.MAIN;
		long fewest = Long.MAX_VALUE;
		for (String cluster : clusters) {
			long count = counts.getOrDefault(cluster, 0L);
			if (count < fewest) {
				chosen = cluster;
				fewest = count;
			}
		}
		return chosen;
	}

	/** Whether tenants may live elsewhere than on main: connections are routed then. */
	public boolean routing() {
		return !this.properties.clusters().isEmpty();
	}

	/**
	 * A data source on {@code cluster} for work that names its schema itself (migration,
	 * copy): the application's data source for main, the cluster's pool otherwise.
	 */
	public DataSource dataSource(String cluster) {
		return TenantPlacement.MAIN.equals(cluster) ? this.application : pool(cluster);
	}

	/** The pool a tenant connection on {@code cluster} is taken from. */
	DataSource routedPool(String cluster) {
		return TenantPlacement.MAIN.equals(cluster) ? this.main : pool(cluster);
	}

	private DataSource pool(String cluster) {
		ClusterProperties.ClusterConnection connection = this.properties.clusters().get(cluster);
		if (connection == null) {
			throw new IllegalStateException(
					"No cluster '" + cluster + "' is configured (towerline.placement.clusters)");
		}
		return this.pools.computeIfAbsent(cluster, (name) -> {
			HikariDataSource pool = new HikariDataSource();
			pool.setPoolName("towerline-cluster-" + name);
			pool.setJdbcUrl(connection.url());
			pool.setUsername(connection.username());
			pool.setPassword(connection.password());
			pool.setMaximumPoolSize(this.properties.poolSize());
			return pool;
		});
	}

	/**
	 * Where {@code tenant} is served from, as of at most {@code catalog-ttl} ago; main
	 * for a tenant the catalog does not know.
	 */
	public TenantPlacement placementOf(TenantId tenant) {
		long now = System.nanoTime();
		Cached cached = this.placements.get(tenant.slug());
		if (cached != null && now - cached.readAt() < this.properties.catalogTtl().toNanos()) {
			return cached.placement();
		}
		TenantPlacement placement = this.catalog.sql("SELECT cluster, move_window FROM public.tenant WHERE slug = ?")
			.param(tenant.slug())
			.query((rs, row) -> new TenantPlacement(rs.getString(1), rs.getBoolean(2)))
			.optional()
			.orElse(TenantPlacement.ON_MAIN);
		this.placements.put(tenant.slug(), new Cached(placement, now));
		return placement;
	}

	/**
	 * Whether this replica can reach the cluster {@code tenant} lives on. A replica whose
	 * configuration lacks a cluster (one not yet rolled out with it) hands such a
	 * tenant's jobs back to the queue instead of failing them.
	 */
	public boolean servesHere(TenantId tenant) {
		return exists(placementOf(tenant).cluster());
	}

	/**
	 * The tenants placed on a cluster other than main that this replica reaches: those
	 * whose platform writes go through their outbox (ADR 0183).
	 */
	public List<TenantId> placedOffMain() {
		// one read of the catalog for every tenant, not one placement lookup each
		return this.catalog.sql("SELECT slug, cluster FROM public.tenant WHERE cluster <> ? ORDER BY slug")
			.param(TenantPlacement.MAIN)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.filter((placed) -> exists(placed.getValue()))
			.map((placed) -> TenantId.of(placed.getKey()))
			.toList();
	}

	/** Forgets what this replica read of {@code tenant}'s placement. */
	public void forget(TenantId tenant) {
		this.placements.remove(tenant.slug());
	}

	/**
	 * Whether {@code failure} is a write refused by a move's read-only window
	 * ({@code TENANT_MOVING}): PostgreSQL's {@code read_only_sql_transaction} anywhere in
	 * its causes. Towerline's own transactions that are read-only never write, so no
	 * other path raises it.
	 */
	public static boolean refusedByMoveWindow(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql && READ_ONLY_TRANSACTION.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** How long a replica may route by an older placement. */
	public Duration catalogTtl() {
		return this.properties.catalogTtl();
	}

	@Override
	public void destroy() {
		this.pools.values().forEach(HikariDataSource::close);
		this.pools.clear();
	}

	private record Cached(TenantPlacement placement, long readAt) {

	}

}
