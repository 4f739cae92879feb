package io.towerline.api.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Seals private signing keys with AES-GCM before they reach the database, binding each to
 * its key id (additional authenticated data), so a sealed key cannot be swapped onto
 * another row. The key-encryption key comes from configuration (production) or from an
 * owner-only file beside the embedded data.
 */
final class KeySealer {

	private static final byte FORMAT = 1;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	private KeySealer(byte[] key) {
		if (key.length != 16 && key.length != 32) {
			throw new IllegalStateException("The key-encryption key must be 16 or 32 bytes, was " + key.length);
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * The sealer of this installation.
	 * @param configured base64 key from configuration, or null
	 * @param file where the embedded mode keeps a generated key
	 * @param production whether a configured key is required
	 */
	static KeySealer of(@Nullable String configured, Path file, boolean production) {
		if (configured != null && !configured.isBlank()) {
			return new KeySealer(Base64.getDecoder().decode(configured.strip()));
		}
		if (production) {
			throw new IllegalStateException("towerline.identity.key-encryption-key must be set in production mode "
					+ "(base64 of 32 random bytes, from a secret)");
		}
		return new KeySealer(loadOrCreate(file));
	}

	byte[] seal(byte[] plain, String keyId) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv, keyId).doFinal(plain);
			return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not seal signing key " + keyId, ex);
		}
	}

	byte[] open(byte[] sealed, String keyId) {
		try {
			if (sealed.length <= 1 + IV_BYTES || sealed[0] != FORMAT) {
				throw new IllegalStateException("Signing key " + keyId + " is not in a known sealed format");
			}
			ByteBuffer in = ByteBuffer.wrap(sealed, 1, sealed.length - 1);
			byte[] iv = new byte[IV_BYTES];
			in.get(iv);
			byte[] body = new byte[in.remaining()];
			in.get(body);
			return cipher(Cipher.DECRYPT_MODE, iv, keyId).doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing key " + keyId
					+ " cannot be opened: the key-encryption key is not the one it was sealed with", ex);
		}
	}

	private Cipher cipher(int mode, byte[] iv, String keyId) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static byte[] loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
			}
			byte[] key = new byte[32];
			RANDOM.nextBytes(key);
			Path dir = file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path temporary = Files.createTempFile(dir, "kek", ".tmp");
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system; the directory's own protection applies
			}
			Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write the key-encryption key " + file, ex);
		}
	}

}
