package io.towerline.core.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords, client ids and client secrets. */
final class SecretGenerator {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();

	private SecretGenerator() {
	}

	/** 24 random bytes (192 bits), URL-safe: used for generated passwords. */
	static String password() {
		return random(24);
	}

	/**
	 * 32 random bytes behind a recognisable prefix, so that secret scanners can spot a
	 * leaked one.
	 */
	static String clientSecret() {
		return "tlcs_" + random(32);
	}

	/** A public client id: {@code tl-} and 20 unambiguous lower-case characters. */
	static String clientId() {
		StringBuilder id = new StringBuilder("tl-");
		for (int i = 0; i < 20; i++) {
			id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
		}
		return id.toString();
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
