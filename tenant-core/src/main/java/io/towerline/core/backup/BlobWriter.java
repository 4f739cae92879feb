package io.towerline.core.backup;

import java.io.OutputStream;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Receives a backup's plaintext as it streams off the router and writes it as encrypted
 * chunks; holds at most one chunk of plaintext. A full chunk is written only once more
 * bytes arrive, so that the last chunk is known when it is sealed.
 */
final class BlobWriter extends OutputStream {

	/** One sealed chunk to store. */
	record Chunk(int seq, byte[] sealed) {
	}

	private final UUID blobId;

	private final ChunkCipher cipher;

	private final ContentHash hash;

	private final Consumer<Chunk> store;

	private final byte[] buffer;

	private int filled;

	private int seq;

	private long size;

	private boolean closed;

	private String contentHash = "";

	BlobWriter(UUID blobId, ChunkCipher cipher, ContentHash hash, int chunkBytes, Consumer<Chunk> store) {
		this.blobId = blobId;
		this.cipher = cipher;
		this.hash = hash;
		this.store = store;
		this.buffer = new byte[chunkBytes];
	}

	@Override
	public void write(int b) {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		if (this.closed) {
			throw new IllegalStateException("Blob " + this.blobId + " is closed");
		}
		this.hash.update(bytes, offset, length);
		this.size += length;
		int at = offset;
		int left = length;
		while (left > 0) {
			if (this.filled == this.buffer.length) {
				emit(false);
			}
			int take = Math.min(left, this.buffer.length - this.filled);
			System.arraycopy(bytes, at, this.buffer, this.filled, take);
			this.filled += take;
			at += take;
			left -= take;
		}
	}

	/** Seals the last chunk (empty for an empty backup) and finishes the hash. */
	@Override
	public void close() {
		if (!this.closed) {
			emit(true);
			this.closed = true;
			this.contentHash = this.hash.finish();
		}
	}

	long size() {
		return this.size;
	}

	int chunks() {
		return this.seq;
	}

	String contentHash() {
		return this.contentHash;
	}

	private void emit(boolean last) {
		this.store.accept(new Chunk(this.seq, this.cipher.seal(this.blobId, this.seq, last, this.buffer, this.filled)));
		this.seq++;
		this.filled = 0;
	}

}
