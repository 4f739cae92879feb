package io.towerline.api.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.towerline.core.backup.BackupKind;
import io.towerline.core.backup.Backups;
import io.towerline.core.backup.RouterBackup;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.router.Routers;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /backups/{id}} with the caller's bearer token: the backup's file, decrypted
 * and streamed chunk by chunk straight into the response (never whole in memory). Staff
 * who may act on routers only; another tenant's backup is 404 like a missing one.
 */
@RestController
class BackupDownloadController {

	static final String PATH_PREFIX = "/backups/";

	private final Backups backups;

	private final Routers routers;

	BackupDownloadController(Backups backups, Routers routers) {
		this.backups = backups;
		this.routers = routers;
	}

	@GetMapping(PATH_PREFIX + "{id}")
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
	void download(@PathVariable String id, HttpServletResponse response) throws IOException {
		RouterBackup backup;
		try {
			backup = this.backups.get(UUID.fromString(id));
		}
		catch (NotFoundException | IllegalArgumentException ex) {
			notFound(response);
			return;
		}
		String name = Backups.fileName(backup, this.routers.get(backup.routerId()).name());
		response.setContentType(
				(backup.kind() == BackupKind.EXPORT) ? "text/plain; charset=utf-8" : "application/octet-stream");
		response.setContentLengthLong(backup.size());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.backups.download(backup.id(), response.getOutputStream());
	}

	static void notFound(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		response.setContentType("application/json");
		response.getOutputStream()
			.write("{\"code\":\"NOT_FOUND\",\"message\":\"No such backup\"}".getBytes(StandardCharsets.UTF_8));
	}

}
