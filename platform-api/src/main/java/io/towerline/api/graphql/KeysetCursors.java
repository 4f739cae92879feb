package io.towerline.api.graphql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;

/**
 * Connection cursors: the keyset values of an item (or an offset) in a small versioned
 * binary form with a checksum, base64url-encoded. They replace Spring's default JSON
 * cursors, which carry Java class names and fail with an internal error on garbage.
 * Anything that does not decode is refused with {@code INVALID_CURSOR}. The checksum
 * detects damage, not forgery: a cursor is not a secret and grants nothing.
 */
final class KeysetCursors implements CursorStrategy<ScrollPosition> {

	static final String INVALID_CURSOR = "INVALID_CURSOR";

	private static final int VERSION = 1;

	private static final int MAX_KEYS = 8;

	private static final int MAX_BYTES = 1024;

	private KeysetCursors() {
	}

	/** The strategy in the type Spring Boot's auto-configuration backs off for. */
	static EncodingCursorStrategy<ScrollPosition> strategy() {
		return CursorStrategy.withEncoder(new KeysetCursors(), new CursorEncoder() {

			@Override
			public String encode(String cursor) {
				return cursor;
			}

			@Override
			public String decode(String cursor) {
				return cursor;
			}

		});
	}

	@Override
	public boolean supports(Class<?> targetType) {
		return ScrollPosition.class.isAssignableFrom(targetType);
	}

	@Override
	public String toCursor(ScrollPosition position) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
			if (position instanceof OffsetScrollPosition offset) {
				out.writeByte('O');
				out.writeLong(offset.isInitial() ? -1 : offset.getOffset());
			}
			else if (position instanceof KeysetScrollPosition keyset) {
				out.writeByte('K');
				out.writeByte(keyset.getKeys().size());
				for (Map.Entry<String, Object> key : keyset.getKeys().entrySet()) {
					out.writeUTF(key.getKey());
					writeValue(out, key.getValue());
				}
			}
			else {
				throw new IllegalStateException("Unsupported scroll position " + position.getClass().getSimpleName());
			}
			CRC32 crc = new CRC32();
			crc.update(bytes.toByteArray());
			out.writeInt((int) crc.getValue());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
	}

	@Override
	public ScrollPosition fromCursor(String cursor) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(cursor);
			if (bytes.length < 6 || bytes.length > MAX_BYTES) {
				throw invalid();
			}
			CRC32 crc = new CRC32();
			crc.update(bytes, 0, bytes.length - 4);
			DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
			in.skipNBytes(bytes.length - 4);
			if ((int) crc.getValue() != in.readInt()) {
				throw invalid();
			}
			in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4));
			if (in.readByte() != VERSION) {
				throw invalid();
			}
			ScrollPosition position = switch (in.readByte()) {
				case 'O' -> offset(in.readLong());
				case 'K' -> keyset(in);
				default -> throw invalid();
			};
			if (in.available() != 0) {
				throw invalid();
			}
			return position;
		}
		catch (IOException | IllegalArgumentException | DateTimeException ex) {
			throw invalid();
		}
	}

	private static ScrollPosition offset(long offset) {
		return (offset == -1) ? ScrollPosition.offset() : ScrollPosition.offset(offset);
	}

	private static ScrollPosition keyset(DataInputStream in) throws IOException {
		int count = in.readUnsignedByte();
		if (count > MAX_KEYS) {
			throw invalid();
		}
		Map<String, Object> keys = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			keys.put(in.readUTF(), readValue(in));
		}
		return ScrollPosition.forward(keys);
	}

	private static void writeValue(DataOutputStream out, Object value) throws IOException {
		switch (value) {
			case String text -> {
				out.writeByte('s');
				out.writeUTF(text);
			}
			case UUID id -> {
				out.writeByte('u');
				out.writeLong(id.getMostSignificantBits());
				out.writeLong(id.getLeastSignificantBits());
			}
			case Instant instant -> {
				out.writeByte('t');
				out.writeLong(instant.getEpochSecond());
				out.writeInt(instant.getNano());
			}
			case Long number -> {
				out.writeByte('l');
				out.writeLong(number);
			}
			case Integer number -> {
				out.writeByte('i');
				out.writeInt(number);
			}
			case LocalDate date -> {
				out.writeByte('d');
				out.writeLong(date.toEpochDay());
			}
			default -> throw new IllegalStateException(
					"A keyset value of type " + value.getClass().getSimpleName() + " has no cursor form");
		}
	}

	private static Object readValue(DataInputStream in) throws IOException {
		return switch (in.readByte()) {
			case 's' -> in.readUTF();
			case 'u' -> new UUID(in.readLong(), in.readLong());
			case 't' -> Instant.ofEpochSecond(in.readLong(), in.readInt());
			case 'l' -> in.readLong();
			case 'i' -> in.readInt();
			case 'd' -> LocalDate.ofEpochDay(in.readLong());
			default -> throw invalid();
		};
	}

	private static ApiInputException invalid() {
		return new ApiInputException(INVALID_CURSOR, "The cursor is not one this API handed out");
	}

}
