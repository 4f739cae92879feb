package io.towerline.core.backup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals one chunk of a backup with AES-256-GCM: a fresh 96-bit nonce per chunk, and the
 * blob's id, the chunk's position and whether it is the last one as additional data, so
 * chunks cannot be swapped between blobs, reordered or cut off without decryption
 * failing. Stored form: nonce, then ciphertext with its tag.
 */
final class ChunkCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	ChunkCipher(byte[] dataKey) {
		this.key = new SecretKeySpec(dataKey, "AES");
	}

	byte[] seal(UUID blobId, int seq, boolean last, byte[] plaintext, int length) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(additionalData(blobId, seq, last));
			byte[] sealed = new byte[NONCE_BYTES + cipher.getOutputSize(length)];
			System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
			cipher.doFinal(plaintext, 0, length, sealed, NONCE_BYTES);
			return sealed;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a backup chunk", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the chunk was altered, moved, or is not what
	 * {@code last} says
	 */
	byte[] open(UUID blobId, int seq, boolean last, byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key,
					new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, NONCE_BYTES)));
			cipher.updateAAD(additionalData(blobId, seq, last));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Backup chunk " + seq + " of " + blobId + " does not decrypt", ex);
		}
	}

	/**
	 * The key for content hashes, derived from the data key: hashes of two tenants'
	 * identical exports differ, and a hash reveals nothing without the key.
	 */
	Mac contentMac() {
		try {
			Mac derive = Mac.getInstance("HmacSHA256");
			derive.init(this.key);
			byte[] hashKey = derive.doFinal("towerline backup content hash".getBytes(StandardCharsets.US_ASCII));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot derive the content hash key", ex);
		}
	}

	private static byte[] additionalData(UUID blobId, int seq, boolean last) {
		return ByteBuffer.allocate(21)
			.putLong(blobId.getMostSignificantBits())
			.putLong(blobId.getLeastSignificantBits())
			.putInt(seq)
			.put((byte) (last ? 1 : 0))
			.array();
	}

}
