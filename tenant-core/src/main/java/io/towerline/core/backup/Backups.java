package io.towerline.core.backup;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.Routers;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The backups of the current tenant's routers: list, read, compare, take on demand. Every
 * lookup is in the tenant's own schema, so another tenant's backup is simply not found.
 */
@Service
@Transactional
public class Backups {

	static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "takenAt", "id");

	private final RouterBackupRepository backups;

	private final BackupBlobs blobs;

	private final Routers routers;

	private final RouterOperations operations;

	private final BackupProperties properties;

	Backups(RouterBackupRepository backups, BackupBlobs blobs, Routers routers, RouterOperations operations,
			BackupProperties properties) {
		this.backups = backups;
		this.blobs = blobs;
		this.routers = routers;
		this.operations = operations;
		this.properties = properties;
	}

	/**
	 * A router's backups, newest first, optionally of one kind.
	 * @throws NotFoundException when the router does not exist
	 */
	@Transactional(readOnly = true)
	public Window<RouterBackup> list(UUID routerId, @Nullable BackupKind kind, ScrollPosition position, int limit) {
		this.routers.get(routerId);
		return (kind != null)
				? this.backups.findByRouterIdAndKind(routerId, kind, position, Limit.of(limit), NEWEST_FIRST)
				: this.backups.findByRouterId(routerId, position, Limit.of(limit), NEWEST_FIRST);
	}

	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public RouterBackup get(UUID id) {
		return this.backups.findById(id).orElseThrow(() -> new NotFoundException("Backup", id));
	}

	/**
	 * Writes the backup's content (decrypted, as the router wrote the file) to
	 * {@code out}, one chunk at a time.
	 * @throws NotFoundException when the current tenant has no such backup
	 */
	@Transactional(readOnly = true)
	public void download(UUID id, OutputStream out) {
		this.blobs.copyTo(get(id).blobId(), out);
	}

	/** The file name a download is offered under. */
	public static String fileName(RouterBackup backup, String routerName) {
		String safe = routerName.replaceAll("[^A-Za-z0-9._-]", "_");
		String when = backup.takenAt().toString().replace(":", "").replaceAll("\\.\\d+", "");
		return safe + "-" + when + ((backup.kind() == BackupKind.EXPORT) ? ".rsc" : ".backup");
	}

	/**
	 * Takes backups of a router now, as a durable operation.
	 * @param kind one kind, or null for what the tenant's settings ask for
	 * @throws NotFoundException when the router does not exist
	 */
	public RouterOperation take(UUID routerId, @Nullable BackupKind kind, Actor actor) {
		this.routers.get(routerId);
		return this.operations
			.enqueue(OperationRequest.backupRouter(routerId, (kind != null) ? kind.name() : "ALL", actor));
	}

	/**
	 * Compares two text exports line by line.
	 * @param maxLines how many diff lines to return at most
	 * @throws NotFoundException when either backup does not exist
	 * @throws InvalidInputException when either is not an export, or too big to compare
	 */
	@Transactional(readOnly = true)
	public BackupDiff diff(UUID fromId, UUID toId, int maxLines) {
		RouterBackup from = get(fromId);
		RouterBackup to = get(toId);
		List<FieldError> problems = new ArrayList<>();
		check(from, "from", problems);
		check(to, "to", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<String> fromLines = lines(from);
		List<String> toLines = lines(to);
		return BackupDiff.of(from, to, fromLines, toLines, LineDiff.edits(fromLines, toLines), maxLines);
	}

	private void check(RouterBackup backup, String field, List<FieldError> problems) {
		if (backup.kind() != BackupKind.EXPORT) {
			problems.add(FieldError.invalid(field, "Only text exports can be compared; this is a binary backup"));
		}
		else if (backup.size() > this.properties.maxDiffBytes()) {
			problems.add(FieldError.invalid(field, "This export is " + backup.size() + " bytes; exports over "
					+ this.properties.maxDiffBytes() + " bytes are not compared"));
		}
	}

	/** The export's lines without its date line. */
	private List<String> lines(RouterBackup backup) {
		ByteArrayOutputStream content = new ByteArrayOutputStream((int) backup.size());
		this.blobs.copyTo(backup.blobId(), content);
		List<String> lines = new ArrayList<>(
				Arrays.asList(content.toString(StandardCharsets.UTF_8).split("\r?\n", -1)));
		if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		if (!lines.isEmpty() && ExportHeader.isDateLine(lines.get(0))) {
			lines.remove(0);
		}
		return lines;
	}

}
