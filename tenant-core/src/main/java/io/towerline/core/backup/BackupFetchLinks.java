package io.towerline.core.backup;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.tenancy.TenantId;

/**
 * Where a router downloads a stored backup from ({@code /tool/fetch}): the RouterOS API
 * cannot carry a binary file to the router, so a restore hands the router a short-lived
 * link instead. Provided by the web layer; without one, or without a {@link #base()},
 * restores are refused with {@code BACKUP_RESTORE_UNAVAILABLE}.
 */
public interface BackupFetchLinks {

	/**
	 * The platform's address as routers are told it (configured, or derived in the
	 * embedded mode), or empty while none is known.
	 */
	Optional<URI> base();

	/**
	 * A link that serves the backup's plaintext for {@code validFor}, then never again.
	 */
	URI link(TenantId tenant, UUID backupId, Duration validFor);

}
