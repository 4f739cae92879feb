package io.towerline.api.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The embedded PostgreSQL's superuser password: generated on first start, kept in an
 * owner-only file of the data directory (beside {@code pgdata}, not in it, so PostgreSQL
 * never serves or copies it), read on every later start.
 */
public final class DatabasePassword {

	static final String FILE_NAME = "database.password";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	private DatabasePassword() {
	}

	/** The password of the embedded database kept under {@code dataDir}. */
	public static String of(Path dataDir) {
		return loadOrCreate(dataDir.resolve(FILE_NAME));
	}

	static String loadOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null
					&& !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
				throw new IllegalStateException(
						"The embedded database password file " + file + " is readable by other users; chmod 600 it");
			}
			String password = Files.readString(file).strip();
			if (password.isEmpty()) {
				throw new IllegalStateException("The embedded database password file " + file + " is empty");
			}
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write the embedded database password " + file, ex);
		}
	}

	/** Written whole or not at all: a crash never leaves a half password behind. */
	private static void create(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		else {
			Files.createFile(temporary);
		}
		Files.writeString(temporary, HexFormat.of().formatHex(secret));
		try {
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, file);
		}
	}

}
