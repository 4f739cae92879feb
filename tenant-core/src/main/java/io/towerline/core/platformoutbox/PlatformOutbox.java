package io.towerline.core.platformoutbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import io.towerline.core.tenancy.TenantClusters;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.TenantPlacement;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a platform write made while serving a tenant goes (ADR 0183). A tenant on main
 * writes the platform tables in its own transaction as before; a tenant on another
 * cluster cannot (its connection is on that cluster, the platform tables on main), so the
 * write is kept in its schema's outbox in the same transaction and delivered after
 * commit. Without further clusters nothing is read: {@link #defers()} is false at once.
 */
@Component
public class PlatformOutbox {

	private final TenantClusters clusters;

	private final JdbcClient jdbc;

	private final ObjectProvider<OutboxDrain> drain;

	private final Clock clock;

	PlatformOutbox(TenantClusters clusters, DataSource dataSource, ObjectProvider<OutboxDrain> drain, Clock clock) {
		this.clusters = clusters;
		this.jdbc = JdbcClient.create(dataSource);
		this.drain = drain;
		this.clock = clock;
	}

	/**
	 * Whether a platform write made now must go through the bound tenant's outbox: a
	 * tenant is bound and lives on a cluster other than main.
	 */
	public boolean defers() {
		if (!this.clusters.routing()) {
			return false;
		}
		TenantId tenant = TenantContext.current().orElse(null);
		return tenant != null && !TenantPlacement.MAIN.equals(this.clusters.placementOf(tenant).cluster());
	}

	/**
	 * Keeps an entry in the bound tenant's outbox, in the current transaction if there is
	 * one, and has it delivered once that commits.
	 */
	public void append(String kind, String body) {
		TenantId tenant = TenantContext.require();
		this.jdbc
			.sql("INSERT INTO " + tenant.schemaName()
					+ ".platform_outbox (id, kind, body, created_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID(), kind, body, this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			deliver(tenant);
			return;
		}
		String key = "platform-outbox:" + tenant.slug();
		if (TransactionSynchronizationManager.hasResource(key)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deliver(tenant);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
			}
		});
	}

	private void deliver(TenantId tenant) {
		@Nullable OutboxDrain drain = this.drain.getIfAvailable();
		if (drain != null) {
			drain.drainQuietly(tenant);
		}
	}

}
