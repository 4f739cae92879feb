package io.towerline.mikrotik.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate, identified by the SHA-256 of its DER encoding.
 * The comparison is constant-time; the failure message shows the presented fingerprint so
 * an operator can re-pin after a planned certificate change.
 */
final class PinnedCertificateTrust implements X509TrustManager {

	private final byte[] expected;

	PinnedCertificateTrust(byte[] expected) {
		this.expected = expected.clone();
	}

	static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
		return HexFormat.of().formatHex(sha256(certificate.getEncoded()));
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		if (chain.length == 0) {
			throw new CertificateException("the router presented no certificate");
		}
		byte[] presented = sha256(chain[0].getEncoded());
		if (!MessageDigest.isEqual(presented, this.expected)) {
			throw new CertificateException("router certificate SHA-256 " + HexFormat.of().formatHex(presented)
					+ " does not match the pinned fingerprint");
		}
		chain[0].checkValidity();
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("client certificates are not checked here");
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return new X509Certificate[0];
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every JDK", ex);
		}
	}

}
