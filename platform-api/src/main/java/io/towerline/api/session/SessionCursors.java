package io.towerline.api.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;

import io.towerline.api.graphql.ApiInputException;

/**
 * Cursors of session lists: the keyset values of the last item of a page (its order, the
 * instant and user name it sorts by, its id), versioned and checksummed, base64url. A
 * cursor of another list or order, or damaged, is INVALID_CURSOR.
 */
final class SessionCursors {

	private static final String INVALID_CURSOR = "INVALID_CURSOR";

	private static final byte VERSION = 1;

	private SessionCursors() {
	}

	/** Where a page ends. */
	record Position(String list, Instant at, String name, UUID id) {

	}

	static String encode(Position position) {
		byte[] list = position.list().getBytes(StandardCharsets.UTF_8);
		byte[] name = position.name().getBytes(StandardCharsets.UTF_8);
		ByteBuffer buffer = ByteBuffer.allocate(1 + 2 + list.length + 12 + 2 + name.length + 16 + 4);
		buffer.put(VERSION);
		buffer.putShort((short) list.length).put(list);
		buffer.putLong(position.at().getEpochSecond()).putInt(position.at().getNano());
		buffer.putShort((short) name.length).put(name);
		buffer.putLong(position.id().getMostSignificantBits()).putLong(position.id().getLeastSignificantBits());
		CRC32 crc = new CRC32();
		crc.update(buffer.array(), 0, buffer.position());
		buffer.putInt((int) crc.getValue());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/**
	 * @throws ApiInputException INVALID_CURSOR unless it is a cursor of {@code list}
	 */
	static Position decode(String cursor, String list) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(cursor);
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			CRC32 crc = new CRC32();
			crc.update(bytes, 0, bytes.length - 4);
			if (buffer.get() != VERSION || bytes.length > 1024
					|| ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt() != (int) crc.getValue()) {
				throw invalid();
			}
			String kind = text(buffer);
			Instant at = Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
			String name = text(buffer);
			UUID id = new UUID(buffer.getLong(), buffer.getLong());
			if (!kind.equals(list) || buffer.remaining() != 4) {
				throw invalid();
			}
			return new Position(kind, at, name, id);
		}
		catch (RuntimeException ex) {
			if (ex instanceof ApiInputException api) {
				throw api;
			}
			throw invalid();
		}
	}

	private static String text(ByteBuffer buffer) {
		byte[] text = new byte[buffer.getShort()];
		buffer.get(text);
		return new String(text, StandardCharsets.UTF_8);
	}

	private static ApiInputException invalid() {
		return new ApiInputException(INVALID_CURSOR, "The cursor is not one this list handed out");
	}

}
