package io.towerline.core.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.ScrollPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How backups are kept: encrypted on disk with their secrets, a tampered or truncated one
 * detected, pruned to retention with unreferenced content dropped.
 */
class BackupStorageTests extends BackupTest {

	@Test
	void shouldKeepBackupsEncryptedOnDiskWithTheirSecrets() {
		inTenant(() -> this.schedule.change(false, Duration.ofDays(1), 30, 90, true, true, STAFF));
		String password = this.simulator.secret("sub00001").orElseThrow().get("password");
		RouterBackup export = take(BackupKind.EXPORT);
		RouterBackup binary = take(BackupKind.BINARY);
		assertThat(export.sensitive()).isTrue();
		assertThat(download(export.id())).contains("password=" + password);

		List<byte[]> stored = this.jdbc.sql("SELECT data FROM " + this.tenant.schemaName() + ".backup_chunk")
			.query(byte[].class)
			.list();
		assertThat(stored).hasSizeGreaterThanOrEqualTo(2);
		byte[] binaryPlain = downloadBytes(binary.id());
		for (byte[] chunk : stored) {
			String raw = new String(chunk, StandardCharsets.ISO_8859_1);
			assertThat(raw).doesNotContain(password).doesNotContain("sub00001").doesNotContain("/ppp secret");
			assertThat(indexOf(chunk, Arrays.copyOfRange(binaryPlain, 100, 132))).isNegative();
		}
		assertThat(this.jdbc.sql("SELECT sealed_reference FROM " + this.tenant.schemaName() + ".backup_data_key")
			.query(String.class)
			.single()).doesNotContain(password);
	}

	@Test
	void shouldDetectATamperedOrTruncatedBackup() {
		byte[] content = new byte[700 * 1024];
		new Random(5).nextBytes(content);
		BackupBlobs.Written written = TenantContext.callAs(this.tenant,
				() -> this.blobs.write(this.routerId, BackupKind.BINARY, null, (out) -> {
					try {
						out.write(content);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}));
		UUID blob = written.id();
		TenantContext.runAs(this.tenant,
				() -> this.transactions.executeWithoutResult((tx) -> this.blobs.complete(blob)));
		assertThat(readBlob(blob)).isEqualTo(content);
		String schema = this.tenant.schemaName();
		int chunks = this.jdbc.sql("SELECT chunks FROM " + schema + ".backup_blob WHERE id = ?")
			.param(blob)
			.query(Integer.class)
			.single();
		assertThat(chunks).isEqualTo(3);
		// swap two chunks
		swap(schema, blob, 0, 1);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> readBlob(blob));
		swap(schema, blob, 0, 1);
		assertThat(readBlob(blob)).isEqualTo(content);
		// cut off the last chunk: the new last one was not sealed as last
		this.jdbc.sql("DELETE FROM " + schema + ".backup_chunk WHERE blob_id = ? AND seq = ?")
			.params(blob, chunks - 1)
			.update();
		this.jdbc.sql("UPDATE " + schema + ".backup_blob SET chunks = ? WHERE id = ?")
			.params(chunks - 1, blob)
			.update();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> readBlob(blob));
	}

	private void swap(String schema, UUID blob, int first, int second) {
		String move = "UPDATE " + schema + ".backup_chunk SET seq = ? WHERE blob_id = ? AND seq = ?";
		this.jdbc.sql(move).params(-1, blob, first).update();
		this.jdbc.sql(move).params(first, blob, second).update();
		this.jdbc.sql(move).params(second, blob, -1).update();
	}

	private byte[] readBlob(UUID blob) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TenantContext.runAs(this.tenant, () -> this.blobs.copyTo(blob, out));
		return out.toByteArray();
	}

	@Test
	void shouldPruneToRetentionAndDropUnreferencedContent() {
		inTenant(() -> this.schedule.change(false, Duration.ofDays(1), 2, 0, false, false, STAFF));
		take(BackupKind.EXPORT);
		this.simulator.removeSecret("sub00001");
		take(BackupKind.EXPORT);
		this.simulator.removeSecret("sub00002");
		RouterBackup newest = take(BackupKind.EXPORT);
		RouterBackup unchanged = take(BackupKind.EXPORT);
		assertThat(blobCount()).isEqualTo(3);

		assertThat(inTenant(() -> this.retention.prune())).isEqualTo(2);
		assertThat(inTenant(() -> this.backups.list(this.routerId, null, ScrollPosition.keyset(), 10).getContent()))
			.extracting(RouterBackup::id)
			.containsExactly(unchanged.id(), newest.id());
		assertThat(blobCount()).isEqualTo(1);
		assertThat(download(unchanged.id())).doesNotContain("sub00002");
	}

}
