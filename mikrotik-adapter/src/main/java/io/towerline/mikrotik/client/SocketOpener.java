package io.towerline.mikrotik.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;

/**
 * Connects a socket to a router: TCP with a timeout, then for API-SSL a handshake
 * verified by the endpoint's {@link RouterTls} mode (CA chain plus host name, or the
 * pinned fingerprint). Anonymous-DH API-SSL is not offered: the JDK disables it and it
 * authenticates nobody.
 */
final class SocketOpener {

	private SocketOpener() {
	}

	static Socket open(RouterEndpoint endpoint, Duration connectTimeout) {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) connectTimeout.toMillis());
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw new RouterUnreachableException(endpoint.address(), Reason.CONNECT_FAILED,
					"cannot connect: " + ex.getMessage(), ex);
		}
		if (!endpoint.tls().encrypted()) {
			return socket;
		}
		try {
			SSLSocket tls = (SSLSocket) context(endpoint.tls()).getSocketFactory()
				.createSocket(socket, endpoint.host(), endpoint.port(), true);
			if (endpoint.tls() instanceof RouterTls.TrustedCa) {
				SSLParameters parameters = tls.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				tls.setSSLParameters(parameters);
			}
			tls.setSoTimeout((int) connectTimeout.toMillis());
			tls.startHandshake();
			return tls;
		}
		catch (SSLHandshakeException ex) {
			closeQuietly(socket);
			// only a certificate we checked and refused is "untrusted"; a handshake that
			// broke for any other reason (nothing speaking TLS there) is a failed connect
			// (ADR 0212)
			if (rejectedCertificate(ex)) {
				throw new RouterUnreachableException(endpoint.address(), Reason.TLS_UNTRUSTED,
						"the router's certificate is not trusted", ex);
			}
			throw new RouterUnreachableException(endpoint.address(), Reason.CONNECT_FAILED,
					"TLS handshake failed: " + ex.getMessage(), ex);
		}
		catch (SocketTimeoutException ex) {
			closeQuietly(socket);
			throw new RouterUnreachableException(endpoint.address(), Reason.CONNECT_FAILED, "TLS handshake timed out",
					ex);
		}
		catch (IOException | GeneralSecurityException ex) {
			closeQuietly(socket);
			throw new RouterUnreachableException(endpoint.address(), Reason.CONNECT_FAILED,
					"TLS handshake failed: " + ex.getMessage(), ex);
		}
	}

	private static SSLContext context(RouterTls tls) throws GeneralSecurityException {
		TrustManager[] trust;
		if (tls instanceof RouterTls.Pinned pinned) {
			trust = new TrustManager[] { new PinnedCertificateTrust(pinned.fingerprint()) };
		}
		else {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(((RouterTls.TrustedCa) tls).trustStore());
			trust = factory.getTrustManagers();
		}
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust, null);
		return context;
	}

	private static boolean rejectedCertificate(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CertificateException) {
				return true;
			}
		}
		return false;
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

}
