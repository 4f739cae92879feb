package io.towerline.core.backup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;

/**
 * The keyed hash (HMAC-SHA-256) of a backup's plaintext, computed while it streams past;
 * for an export the date line it starts with is left out (see {@link ExportHeader}).
 */
final class ContentHash {

	/** A first line longer than this is not the date line. */
	private static final int HEADER_LIMIT = 512;

	private final Mac mac;

	private ByteArrayOutputStream firstLine;

	ContentHash(Mac mac, BackupKind kind) {
		this.mac = mac;
		this.firstLine = (kind == BackupKind.EXPORT) ? new ByteArrayOutputStream() : null;
	}

	void update(byte[] bytes, int offset, int length) {
		if (this.firstLine == null) {
			this.mac.update(bytes, offset, length);
			return;
		}
		int end = offset;
		while (end < offset + length && bytes[end] != '\n') {
			end++;
		}
		boolean lineEnded = end < offset + length;
		int take = lineEnded ? end - offset + 1 : length;
		this.firstLine.write(bytes, offset, take);
		if (lineEnded || this.firstLine.size() > HEADER_LIMIT) {
			settleFirstLine();
		}
		if (take < length) {
			this.mac.update(bytes, offset + take, length - take);
		}
	}

	String finish() {
		if (this.firstLine != null) {
			settleFirstLine();
		}
		return HexFormat.of().formatHex(this.mac.doFinal());
	}

	private void settleFirstLine() {
		byte[] line = this.firstLine.toByteArray();
		this.firstLine = null;
		if (!ExportHeader.isDateLine(new String(line, StandardCharsets.UTF_8))) {
			this.mac.update(line);
		}
	}

}
