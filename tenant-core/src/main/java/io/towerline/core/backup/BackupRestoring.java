package io.towerline.core.backup;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.credentials.SealedSecrets;
import io.towerline.core.drift.DriftChecks;
import io.towerline.core.drift.DriftReport;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.operation.OperationHandler;
import io.towerline.core.operation.OperationKind;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.RouterHealth;
import io.towerline.core.router.RouterHealthCheck;
import io.towerline.core.router.RouterStatus;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.client.RouterClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs RESTORE_BACKUP operations: the router downloads the backup from a short-lived link
 * ({@code /tool/fetch}), then loads it ({@code /system/backup/load}, with the backup's
 * sealed password; the router reboots) or imports it ({@code /import}). That step is
 * recorded as the operation's progress, so it is never repeated. Then, once the router
 * answers, the file is removed from its disk and a drift check records how the router now
 * compares with the platform. While the router is still rebooting the attempt ends as
 * "router unreachable": the operation waits for the router like any other (woken by the
 * health check that sees it back, else retried with backoff until the tenant's router
 * wait runs out) and holds no thread meanwhile (ADR 0143). Every command is in the
 * command log under the operation.
 */
@Component
class BackupRestoring implements OperationHandler {

	private static final Logger log = LoggerFactory.getLogger(BackupRestoring.class);

	private final Backups backups;

	private final BackupBlobs blobs;

	private final Routers routers;

	private final RouterAccess access;

	private final RouterHealthCheck health;

	private final DriftChecks drift;

	private final SealedSecrets sealed;

	private final ObjectProvider<BackupFetchLinks> links;

	private final BackupProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BackupRestoring(Backups backups, BackupBlobs blobs, Routers routers, RouterAccess access, RouterHealthCheck health,
			DriftChecks drift, SealedSecrets sealed, ObjectProvider<BackupFetchLinks> links,
			BackupProperties properties, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.backups = backups;
		this.blobs = blobs;
		this.routers = routers;
		this.access = access;
		this.health = health;
		this.drift = drift;
		this.sealed = sealed;
		this.links = links;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Set<OperationKind> kinds() {
		return Set.of(OperationKind.RESTORE_BACKUP);
	}

	@Override
	public @Nullable String run(RouterOperation operation, Progress progress) {
		UUID backupId = UUID.fromString(String.valueOf(operation.subject()));
		RouterBackup backup = this.backups.get(backupId);
		Router router = this.transactions.execute((tx) -> this.routers.get(operation.routerId()));
		Actor actor = Actor.of(operation.requestedBy());
		String file = "towerline-restore-" + backupId.toString().substring(0, 8)
				+ ((backup.kind() == BackupKind.BINARY) ? ".backup" : ".rsc");
		CommandContext context = new CommandContext(router.id(), actor, operation.id(), null);
		if (operation.progressDone() == 0) {
			BackupFetchLinks links = this.links.getIfAvailable();
			if (links == null) {
				throw new IllegalStateException("No download address for routers is configured");
			}
			URI link = links.link(TenantContext.require(), backupId, this.properties.fetchLinkValidity());
			context.call(() -> {
				RouterClient client = this.access.client(router);
				client.files().fetch(link.toString(), file);
				if (backup.kind() == BackupKind.BINARY) {
					load(client, backup, file);
				}
				else {
					client.backups().importScript(file);
				}
				return null;
			});
			// the router took the backup: never again, whatever happens next
			progress.update(1, 0);
		}
		RouterHealth health = this.health.check(router.id()).health();
		if (health.status() != RouterStatus.ONLINE) {
			throw new RouterUnreachableException(router.name(), RouterUnreachableException.Reason.CONNECT_FAILED,
					"the backup was restored; waiting for the router to answer again (a loaded backup reboots it)",
					null);
		}
		// a loaded backup reboots the router a moment after the load's reply: an answer
		// from before that reboot says nothing about the restored router
		if (backup.kind() == BackupKind.BINARY && !bootedSince(health, operation.createdAt())) {
			throw new RouterUnreachableException(router.name(), RouterUnreachableException.Reason.CONNECT_FAILED,
					"the backup was loaded; waiting for the router to reboot with it", null);
		}
		removeQuietly(context, router, file);
		DriftReport report = this.drift.check(router.id(), actor);
		this.transactions.executeWithoutResult((tx) -> this.events
			.publishEvent(TenantEvent.of(TenantContext.require(), BackupEvents.RESTORED, router.id().toString(), actor,
					this.clock.instant(), Map.of("backupId", backupId.toString(), "kind", backup.kind().name()))));
		return "restored " + backup.kind() + " backup " + backupId + "; router answering; drift: " + report.status()
				+ ", " + report.missingCount() + " missing, " + report.differentCount() + " different, "
				+ report.unmanagedCount() + " unmanaged";
	}

	private void load(RouterClient client, RouterBackup backup, String file) {
		String reference = this.blobs.passwordReference(backup.blobId());
		char[] password = (reference != null) ? this.sealed.reveal(reference).toCharArray() : null;
		try {
			client.backups().loadBackup(file, password);
		}
		finally {
			if (password != null) {
				Arrays.fill(password, '\0');
			}
		}
	}

	/**
	 * Whether the router started after {@code since}, by its uptime when last seen (to
	 * the second, hence the second's grace); a router that reports no uptime is taken at
	 * its word.
	 */
	private static boolean bootedSince(RouterHealth health, Instant since) {
		Long uptime = health.uptimeSeconds();
		Instant seen = health.lastSeenAt();
		if (uptime == null || seen == null) {
			return true;
		}
		return !seen.minusSeconds(uptime).isBefore(since.minusSeconds(1));
	}

	private void removeQuietly(CommandContext context, Router router, String file) {
		try {
			context.call(() -> this.access.client(router).files().remove(file));
		}
		catch (RouterException ex) {
			log.info("Could not remove {} from router {} after the restore: {}", file, router.id(), ex.getMessage());
		}
	}

}
