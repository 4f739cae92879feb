package io.towerline.api.backup;

import java.io.IOException;
import java.util.UUID;

import io.towerline.core.backup.Backups;
import io.towerline.core.backup.RouterBackup;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /backup-fetch/{tenant}/{id}?expires=&signature=}: what a router's
 * {@code /tool/fetch} downloads during a restore. It carries no bearer token (RouterOS
 * cannot get one), so the signed, expiring link is the authorisation: a wrong or expired
 * signature is 403, and the backup is looked up only in the signed tenant.
 */
@RestController
class BackupFetchController {

	static final String PATH_PREFIX = "/backup-fetch/";

	private final Backups backups;

	private final BackupLinkSigner signer;

	BackupFetchController(Backups backups, BackupLinkSigner signer) {
		this.backups = backups;
		this.signer = signer;
	}

	@GetMapping(PATH_PREFIX + "{tenant}/{id}")
	void fetch(@PathVariable String tenant, @PathVariable String id, @RequestParam long expires,
			@RequestParam String signature, HttpServletResponse response) throws IOException {
		TenantId tenantId;
		UUID backupId;
		try {
			tenantId = TenantId.of(tenant);
			backupId = UUID.fromString(id);
		}
		catch (RuntimeException ex) {
			BackupDownloadController.notFound(response);
			return;
		}
		if (!this.signer.valid(tenantId, backupId, expires, signature)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		TenantContext.set(tenantId);
		try {
			RouterBackup backup = this.backups.get(backupId);
			response.setContentType("application/octet-stream");
			response.setContentLengthLong(backup.size());
			this.backups.download(backupId, response.getOutputStream());
		}
		catch (NotFoundException ex) {
			BackupDownloadController.notFound(response);
		}
		finally {
			TenantContext.clear();
		}
	}

}
