package io.towerline.core.session;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live sessions ({@code towerline.sessions.*}).
 *
 * @param enabled whether this replica tracks routers at all (true)
 * @param rereadInterval how often a tracker reads the whole {@code /ppp/active} (5 min)
 * @param sampleInterval how often a tracker reads the session counters (60 s)
 * @param leaseTtl how long a stream lease lasts unrenewed: a dead replica's routers are
 * taken over within it plus one renew interval (20 s)
 * @param leaseRenewInterval how often leases are renewed and free ones taken (5 s)
 * @param reconnectDelay how long a tracker waits before trying a lost router again (5 s)
 * @param replicaId this replica's name in the lease table (host name and a random suffix)
 * @param trackerConnections how many routine transactions (samples, events, re-reads)
 * this replica's trackers may run at once, whatever the number of routers: fewer than the
 * database's cores, so users' queries find a core, and well under the connection pool, so
 * they find a connection (1, ADR 0259)
 * @param trackerConnects how many trackers may connect at once (listen and a first full
 * read, holding a connection while the router answers its audited commands): start-up and
 * reconnect speed, apart from the routine writes (2)
 * @param startsPerSecond how many trackers start per second when many routers become this
 * replica's at once (start-up, takeover, a bulk import), so their first reads and their
 * timers are spread rather than all at one instant (50)
 */
@ConfigurationProperties("towerline.sessions")
record SessionProperties(@Nullable Boolean enabled, Duration rereadInterval, Duration sampleInterval, Duration leaseTtl,
		Duration leaseRenewInterval, Duration reconnectDelay, @Nullable String replicaId,
		@Nullable Integer trackerConnections, @Nullable Integer trackerConnects, @Nullable Integer startsPerSecond) {

	public SessionProperties {
		if (rereadInterval == null) {
			rereadInterval = Duration.ofMinutes(5);
		}
		if (sampleInterval == null) {
			sampleInterval = Duration.ofSeconds(60);
		}
		if (leaseTtl == null) {
			leaseTtl = Duration.ofSeconds(20);
		}
		if (leaseRenewInterval == null) {
			leaseRenewInterval = Duration.ofSeconds(5);
		}
		if (reconnectDelay == null) {
			reconnectDelay = Duration.ofSeconds(5);
		}
		if (trackerConnections == null) {
			trackerConnections = 1;
		}
		if (trackerConnects == null) {
			trackerConnects = 2;
		}
		if (startsPerSecond == null) {
			startsPerSecond = 50;
		}
		if (trackerConnections < 1 || trackerConnects < 1 || startsPerSecond < 1) {
			throw new IllegalArgumentException(
					"towerline.sessions.tracker-connections, tracker-connects and starts-per-second must be at least 1");
		}
		if (!leaseRenewInterval.multipliedBy(2).minus(leaseTtl).isNegative()) {
			throw new IllegalArgumentException("towerline.sessions.lease-renew-interval must be under half the "
					+ "lease-ttl, or a live replica's leases could lapse between two renewals");
		}
	}

	public boolean isEnabled() {
		return this.enabled == null || this.enabled;
	}

}
