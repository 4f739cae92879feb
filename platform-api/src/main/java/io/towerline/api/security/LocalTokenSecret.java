package io.towerline.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a caller of {@code /local/token} must present: 256 random bits written on
 * first start to an owner-only file in the data directory, so only the person who started
 * the platform (or root) can read it. Being on the machine is not enough: a browser page,
 * a reverse proxy or a tunnel on the same host cannot read the file. Kept across restarts
 * (delete the file for a new one), so that every instance on one data directory shares
 * it.
 */
final class LocalTokenSecret {

	/** The request header that carries the secret. */
	static final String HEADER = "X-Towerline-Local-Secret";

	private final byte[] secret;

	private LocalTokenSecret(byte[] secret) {
		this.secret = secret;
	}

	/** The secret in {@code file}, created there if missing or empty. */
	static LocalTokenSecret loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (!existing.isEmpty()) {
					restrictToOwner(file);
					return new LocalTokenSecret(existing.getBytes(StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the local token secret " + file, ex);
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		try {
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, "local-token", ".tmp");
			restrictToOwner(temporary);
			Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the local token secret " + file, ex);
		}
		return new LocalTokenSecret(secret.getBytes(StandardCharsets.UTF_8));
	}

	/** Whether {@code presented} is the secret (compared in constant time). */
	boolean matches(String presented) {
		return presented != null
				&& MessageDigest.isEqual(this.secret, presented.strip().getBytes(StandardCharsets.UTF_8));
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system; the data directory's own protection applies
		}
	}

}
