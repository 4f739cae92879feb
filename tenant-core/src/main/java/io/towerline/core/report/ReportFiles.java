package io.towerline.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A report's files in the tenant's schema, as {@code report_file_chunk} rows: written and
 * read one chunk at a time, so a file of any size costs one chunk of memory. Each chunk
 * is stored in a transaction of its own (the report is generated inside a long read-only
 * one). Each generation attempt writes its own chunks and only the report's current
 * attempt is read back, so a generator still running after its job was revived elsewhere
 * never mixes its chunks into the file served (ADR 0223).
 */
@Component
class ReportFiles {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final ReportProperties properties;

	ReportFiles(JdbcClient jdbc, PlatformTransactionManager transactions, ReportProperties properties) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
	}

	/** A stream that stores what is written as the report's file in {@code format}. */
	ChunkWriter writer(UUID reportId, int attempt, ReportFormat format) {
		String insert = "INSERT INTO " + schema()
				+ ".report_file_chunk (report_id, format, attempt, seq, data) VALUES (?, ?, ?, ?, ?)";
		return new ChunkWriter(this.properties.chunkBytes(), (seq, data) -> this.ownTransaction.executeWithoutResult(
				(tx) -> this.jdbc.sql(insert).params(reportId, format.name(), attempt, seq, data).update()));
	}

	/**
	 * Writes the stored file of the report's current attempt into {@code out}, chunk by
	 * chunk.
	 */
	void copyTo(UUID reportId, ReportFormat format, OutputStream out) {
		String schema = schema();
		String select = "SELECT c.data FROM " + schema + ".report_file_chunk c JOIN " + schema
				+ ".report r ON r.id = c.report_id AND r.attempt = c.attempt "
				+ "WHERE c.report_id = ? AND c.format = ? AND c.seq = ?";
		for (int seq = 0;; seq++) {
			byte[] data = this.jdbc.sql(select)
				.params(reportId, format.name(), seq)
				.query(byte[].class)
				.optional()
				.orElse(null);
			if (data == null) {
				return;
			}
			try {
				out.write(data);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** Removes the chunks {@code attempt} wrote. */
	void delete(UUID reportId, int attempt) {
		this.ownTransaction.executeWithoutResult((tx) -> this.jdbc
			.sql("DELETE FROM " + schema() + ".report_file_chunk WHERE report_id = ? AND attempt = ?")
			.params(reportId, attempt)
			.update());
	}

	/** Removes every chunk of the report (its generation was abandoned). */
	void deleteAll(UUID reportId) {
		this.ownTransaction.executeWithoutResult(
				(tx) -> this.jdbc.sql("DELETE FROM " + schema() + ".report_file_chunk WHERE report_id = ?")
					.param(reportId)
					.update());
	}

	/** Removes the chunks earlier attempts left (a generator that died mid-file). */
	void deleteBefore(UUID reportId, int attempt) {
		this.ownTransaction.executeWithoutResult((tx) -> this.jdbc
			.sql("DELETE FROM " + schema() + ".report_file_chunk WHERE report_id = ? AND attempt < ?")
			.params(reportId, attempt)
			.update());
	}

	private static String schema() {
		return TenantContext.require().schemaName();
	}

	/** Stores a chunk. */
	@FunctionalInterface
	interface ChunkStore {

		void store(int seq, byte[] data);

	}

	/** Buffers one chunk and stores each full one; {@link #close()} stores the rest. */
	static final class ChunkWriter extends OutputStream {

		private final byte[] buffer;

		private final ChunkStore store;

		private int filled;

		private int seq;

		private long size;

		private boolean closed;

		ChunkWriter(int chunkBytes, ChunkStore store) {
			this.buffer = new byte[chunkBytes];
			this.store = store;
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			if (this.closed) {
				throw new IllegalStateException("The report file is closed");
			}
			int at = offset;
			int left = length;
			while (left > 0) {
				int take = Math.min(left, this.buffer.length - this.filled);
				System.arraycopy(bytes, at, this.buffer, this.filled, take);
				this.filled += take;
				at += take;
				left -= take;
				if (this.filled == this.buffer.length) {
					flushChunk();
				}
			}
			this.size += length;
		}

		@Override
		public void close() {
			if (!this.closed) {
				if (this.filled > 0) {
					flushChunk();
				}
				this.closed = true;
			}
		}

		/** Bytes written. */
		long size() {
			return this.size;
		}

		private void flushChunk() {
			this.store.store(this.seq++, Arrays.copyOf(this.buffer, this.filled));
			this.filled = 0;
		}

	}

}
