package io.towerline.mikrotik.client;

import java.security.KeyStore;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How the API connection is protected. There is deliberately no "trust anything" mode:
 * API-SSL is either verified against a CA (chain and host name) or against the router's
 * certificate fingerprint pinned at onboarding.
 */
public sealed interface RouterTls {

	/** Plain API (port 8728): only for trusted management networks and the simulator. */
	static RouterTls none() {
		return None.INSTANCE;
	}

	/** API-SSL verified against the JDK's default CAs, host name included. */
	static RouterTls systemCa() {
		return new TrustedCa(null);
	}

	/**
	 * API-SSL verified against the CAs in this trust store (e.g. the ISP's own CA), host
	 * name included.
	 */
	static RouterTls trustedCa(KeyStore trustStore) {
		return new TrustedCa(trustStore);
	}

	/**
	 * API-SSL accepting exactly the certificate whose SHA-256 fingerprint is given (hex,
	 * colons optional), whatever its issuer or name: the usual case for routers with
	 * self-signed certificates.
	 */
	static RouterTls pinned(String sha256Fingerprint) {
		return new Pinned(sha256Fingerprint);
	}

	boolean encrypted();

	/** Plain API. */
	enum None implements RouterTls {

		INSTANCE;

		@Override
		public boolean encrypted() {
			return false;
		}

	}

	/**
	 * @param trustStore the CAs, or null for the JDK defaults
	 */
	record TrustedCa(@Nullable KeyStore trustStore) implements RouterTls {

		@Override
		public boolean encrypted() {
			return true;
		}

	}

	/**
	 * @param sha256Fingerprint 64 hex digits, colons and case ignored
	 */
	record Pinned(String sha256Fingerprint) implements RouterTls {

		public Pinned {
			String hex = sha256Fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
			if (hex.length() != 64 || !hex.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
				throw new IllegalArgumentException("a SHA-256 fingerprint has 64 hex digits");
			}
			sha256Fingerprint = hex;
		}

		byte[] fingerprint() {
			return HexFormat.of().parseHex(this.sha256Fingerprint);
		}

		@Override
		public boolean encrypted() {
			return true;
		}

	}

}
