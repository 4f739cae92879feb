package io.towerline.core.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypted backup content in the tenant's schema: a {@code backup_blob} row and its
 * {@code backup_chunk} rows. Content is written and read one chunk at a time, so a backup
 * of any size costs one chunk of memory. Chunks are stored as they come, outside any
 * transaction; the blob becomes complete in the transaction that records the backup
 * referring to it, so a prune never removes a blob that is about to be referred to, and
 * an incomplete blob left by a crash is removed once it is older than the orphan age.
 */
@Component
class BackupBlobs {

	private final JdbcClient jdbc;

	private final BackupDataKeys keys;

	private final BackupProperties properties;

	private final Clock clock;

	BackupBlobs(JdbcClient jdbc, BackupDataKeys keys, BackupProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	/** What was stored. */
	record Written(UUID id, String contentHash, long size) {
	}

	/**
	 * Stores what {@code source} writes; the blob is removed again if it fails.
	 * @param passwordReference the sealed password the content is encrypted with on the
	 * router (binary backups)
	 */
	Written write(UUID routerId, BackupKind kind, @Nullable String passwordReference, Consumer<OutputStream> source) {
		String schema = schema();
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO " + schema
					+ ".backup_blob (id, router_id, kind, complete, size, chunks, password_reference,"
					+ " created_at) VALUES (?, ?, ?, false, 0, 0, ?, ?)")
			.params(id, routerId, kind.name(), passwordReference, Timestamp.from(this.clock.instant()))
			.update();
		ChunkCipher cipher = new ChunkCipher(this.keys.current());
		String insertChunk = "INSERT INTO " + schema + ".backup_chunk (blob_id, seq, data) VALUES (?, ?, ?)";
		BlobWriter writer = new BlobWriter(id, cipher, new ContentHash(cipher.contentMac(), kind),
				this.properties.chunkBytes(),
				(chunk) -> this.jdbc.sql(insertChunk).params(id, chunk.seq(), chunk.sealed()).update());
		try {
			source.accept(writer);
			writer.close();
		}
		catch (RuntimeException ex) {
			delete(id);
			throw ex;
		}
		this.jdbc.sql("UPDATE " + schema + ".backup_blob SET content_hash = ?, size = ?, chunks = ? WHERE id = ?")
			.params(writer.contentHash(), writer.size(), writer.chunks(), id)
			.update();
		return new Written(id, writer.contentHash(), writer.size());
	}

	/**
	 * Decrypts the blob into {@code out} chunk by chunk.
	 * @throws NotFoundException when the current tenant has no such complete blob
	 * @throws IllegalStateException when a chunk was tampered with, moved or is missing
	 */
	void copyTo(UUID blobId, OutputStream out) {
		String schema = schema();
		int chunks = this.jdbc.sql("SELECT chunks FROM " + schema + ".backup_blob WHERE id = ? AND complete")
			.param(blobId)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Backup", blobId));
		ChunkCipher cipher = new ChunkCipher(this.keys.current());
		String selectChunk = "SELECT data FROM " + schema + ".backup_chunk WHERE blob_id = ? AND seq = ?";
		for (int seq = 0; seq < chunks; seq++) {
			byte[] sealed = this.jdbc.sql(selectChunk)
				.params(blobId, seq)
				.query(byte[].class)
				.optional()
				.orElseThrow(() -> new IllegalStateException("A chunk of backup " + blobId + " is missing"));
			byte[] plain = cipher.open(blobId, seq, seq == chunks - 1, sealed);
			try {
				out.write(plain);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** Call in the transaction that records a backup of this blob. */
	void complete(UUID blobId) {
		this.jdbc.sql("UPDATE " + schema() + ".backup_blob SET complete = true WHERE id = ?").param(blobId).update();
	}

	void delete(UUID blobId) {
		this.jdbc.sql("DELETE FROM " + schema() + ".backup_blob WHERE id = ?").param(blobId).update();
	}

	/** The sealed password of a binary backup's blob, if it has one. */
	@Nullable String passwordReference(UUID blobId) {
		return this.jdbc.sql("SELECT password_reference FROM " + schema() + ".backup_blob WHERE id = ?")
			.param(blobId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Removes blobs no backup refers to: complete ones (their backups were pruned) at
	 * once, incomplete ones once they are older than the orphan age (a backup may still
	 * be writing them).
	 * @return the sealed passwords of the removed blobs, to discard
	 */
	List<String> removeUnreferenced() {
		String schema = schema();
		Instant orphanBefore = this.clock.instant().minus(this.properties.orphanAge());
		return this.jdbc
			.sql("DELETE FROM " + schema + ".backup_blob b WHERE NOT EXISTS (SELECT 1 FROM " + schema
					+ ".router_backup r WHERE r.blob_id = b.id) AND (b.complete OR b.created_at < ?)"
					+ " RETURNING b.password_reference")
			.param(Timestamp.from(orphanBefore))
			.query((rs, row) -> rs.getString(1))
			.list()
			.stream()
			.filter((reference) -> reference != null)
			.toList();
	}

	private static String schema() {
		return TenantContext.require().schemaName();
	}

}
