package io.towerline.mikrotik.credentials;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The embedded default: credentials sealed with AES-256-GCM under a local key. The
 * reference is the ciphertext itself
 * ({@code local:v1:<key id>:<base64url(nonce | ciphertext | tag)>}), so nothing else
 * needs storing and the platform's database alone reveals nothing. The key comes from the
 * environment (base64, 32 bytes) or from a key file generated on first run with mode
 * 0600; a key file others can read is refused, as SSH refuses such keys.
 */
public final class LocalAesGcmCredentialVault implements CredentialVault {

	/**
	 * The environment variable that, when set, holds the key (base64 of 32 bytes) instead
	 * of the key file.
	 */
	public static final String KEY_VARIABLE = "TOWERLINE_CREDENTIAL_KEY";

	private static final String PREFIX = "local:v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final SecretKeySpec key;

	private final String keyId;

	private final SecureRandom random = new SecureRandom();

	private LocalAesGcmCredentialVault(byte[] key) {
		if (key.length != 32) {
			throw new CredentialVaultException("the credential key must be 32 bytes (AES-256), got " + key.length,
					null);
		}
		this.key = new SecretKeySpec(key, "AES");
		this.keyId = HexFormat.of().formatHex(sha256(key), 0, 4);
		Arrays.fill(key, (byte) 0);
	}

	/**
	 * Uses {@value #KEY_VARIABLE} when the environment has it, else the key file (created
	 * if missing).
	 */
	public static LocalAesGcmCredentialVault fromEnvironmentOrKeyFile(Map<String, String> environment, Path keyFile) {
		String encoded = environment.get(KEY_VARIABLE);
		return (encoded != null && !encoded.isBlank()) ? fromBase64Key(encoded) : fromKeyFile(keyFile);
	}

	public static LocalAesGcmCredentialVault fromBase64Key(String base64) {
		try {
			return new LocalAesGcmCredentialVault(Base64.getDecoder().decode(base64.trim()));
		}
		catch (IllegalArgumentException ex) {
			throw new CredentialVaultException("the credential key is not valid base64", null);
		}
	}

	/**
	 * Reads the key file, generating a fresh random key with owner-only permissions when
	 * it does not exist.
	 * @throws CredentialVaultException when the file is unreadable, malformed or readable
	 * by others
	 */
	public static LocalAesGcmCredentialVault fromKeyFile(Path keyFile) {
		try {
			if (!Files.exists(keyFile)) {
				generate(keyFile);
			}
			if (Files.getFileAttributeView(keyFile, PosixFileAttributeView.class) != null
					&& !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(keyFile))) {
				throw new CredentialVaultException(
						"credential key file " + keyFile + " is accessible to other users; chmod 600 it", null);
			}
			return new LocalAesGcmCredentialVault(
					Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim()));
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new CredentialVaultException("cannot read credential key file " + keyFile, ex);
		}
	}

	private static void generate(Path keyFile) throws IOException {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Path directory = keyFile.toAbsolutePath().getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		try {
			// created with owner-only permissions in one step, so the key is never
			// briefly world-readable
			Path created = (Files.getFileStore(directory).supportsFileAttributeView("posix"))
					? Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
					: Files.createFile(keyFile);
			Files.writeString(created, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
		}
		catch (FileAlreadyExistsException ex) {
			// another process generated it first; use theirs
		}
		finally {
			Arrays.fill(key, (byte) 0);
		}
	}

	@Override
	public SealedCredential seal(UsernamePassword credentials) {
		byte[] plain = CredentialCodec.encode(credentials);
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
			byte[] sealed = cipher.doFinal(plain);
			byte[] payload = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return new SealedCredential(
					PREFIX + this.keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload));
		}
		catch (GeneralSecurityException ex) {
			throw new CredentialVaultException("sealing failed", ex);
		}
		finally {
			Arrays.fill(plain, (byte) 0);
		}
	}

	@Override
	public UsernamePassword unseal(SealedCredential sealed) {
		String reference = sealed.reference();
		if (!reference.startsWith(PREFIX)) {
			throw new CredentialVaultException("not a local credential reference (scheme " + sealed.scheme() + ")",
					null);
		}
		String[] parts = reference.substring(PREFIX.length()).split(":", 2);
		if (parts.length != 2 || !parts[0].equals(this.keyId)) {
			throw new CredentialVaultException("credential was sealed with another key (" + parts[0] + ")", null);
		}
		try {
			byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(payload, NONCE_BYTES));
			return CredentialCodec.decode(cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new CredentialVaultException("sealed credential is corrupt or was tampered with", null);
		}
	}

	/** Nothing to forget: the reference is the only copy. */
	@Override
	public void discard(SealedCredential sealed) {
	}

	private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
		// binds the ciphertext to this format and key, so it cannot be replayed into
		// another context
		cipher.updateAAD((PREFIX + this.keyId).getBytes(StandardCharsets.US_ASCII));
		return cipher;
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is required by every JDK", ex);
		}
	}

	@Override
	public String toString() {
		return "LocalAesGcmCredentialVault[key " + this.keyId + "]";
	}

}
