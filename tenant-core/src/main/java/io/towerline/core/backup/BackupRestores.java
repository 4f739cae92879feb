package io.towerline.core.backup;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.Router;
import io.towerline.core.router.Routers;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for a backup to be put back on its router. A restore rewrites the router's whole
 * configuration (and reboots it for a binary backup), so it runs only when the caller
 * typed the confirmation {@code RESTORE <router name>}; anything else changes nothing.
 */
@Service
@Transactional
public class BackupRestores {

	private final Backups backups;

	private final Routers routers;

	private final RouterOperations operations;

	private final ObjectProvider<BackupFetchLinks> links;

	BackupRestores(Backups backups, Routers routers, RouterOperations operations,
			ObjectProvider<BackupFetchLinks> links) {
		this.backups = backups;
		this.routers = routers;
		this.operations = operations;
		this.links = links;
	}

	/**
	 * The outcome of a restore request: the RESTORE_BACKUP operation, or why there is
	 * none.
	 */
	public record Requested(@Nullable RouterOperation operation, List<FieldError> errors) {
	}

	/** What must be typed to restore onto this router. */
	static String confirmationFor(Router router) {
		return "RESTORE " + router.name();
	}

	/**
	 * @throws NotFoundException when the current tenant has no such backup
	 */
	public Requested request(UUID backupId, String confirmation, Actor actor) {
		RouterBackup backup = this.backups.get(backupId);
		Router router = this.routers.get(backup.routerId());
		String expected = confirmationFor(router);
		if (!expected.equals(confirmation.strip())) {
			return new Requested(null,
					List.of(new FieldError("confirmation", ErrorCode.CONFIRMATION_MISMATCH,
							"Type \"" + expected + "\" to confirm: the router's configuration will be replaced"
									+ ((backup.kind() == BackupKind.BINARY) ? " and the router rebooted" : ""))));
		}
		BackupFetchLinks links = this.links.getIfAvailable();
		URI base = (links != null) ? links.base().orElse(null) : null;
		if (base == null) {
			return new Requested(null, List.of(new FieldError(null, ErrorCode.BACKUP_RESTORE_UNAVAILABLE,
					"This platform has no address routers can download backups from (towerline.backup.router-base-url)")));
		}
		if (LoopbackAddresses.isLoopback(base.getHost()) && !LoopbackAddresses.isLoopback(router.host())) {
			return new Requested(null, List.of(new FieldError(null, ErrorCode.BACKUP_RESTORE_UNREACHABLE,
					"Router " + router.name() + " (" + router.host() + ") cannot download the backup from " + base
							+ ", a loopback address of the platform's own machine: set towerline.backup.router-base-url"
							+ " to the platform's address as routers reach it")));
		}
		return new Requested(this.operations.enqueue(OperationRequest.restoreBackup(router.id(), backupId, actor)),
				List.of());
	}

}
