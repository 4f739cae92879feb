package io.towerline.mikrotik.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import io.towerline.mikrotik.RouterException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * API-SSL: verified against a CA or a pinned SHA-256 fingerprint, never trusted blindly.
 */
class ApiSslTests {

	private static final char[] STORE_PASSWORD = "changeit".toCharArray();

	@TempDir
	static Path directory;

	private static Certificate certificate;

	private static RouterOsSimulator simulator;

	private static RouterClients clients;

	@BeforeAll
	static void startTlsRouter() throws Exception {
		Path keyStoreFile = directory.resolve("router.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "router", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=router",
				"-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				keyStoreFile.toString(), "-storepass", "changeit")
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
		KeyStore keyStore = load(keyStoreFile);
		certificate = keyStore.getCertificate("router");
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(keyStore, STORE_PASSWORD);
		SSLContext server = SSLContext.getInstance("TLS");
		server.init(keys.getKeyManagers(), null, null);
		simulator = TestRouters.simulator(SimulatorVersion.V7_16).secrets(3).tls(server).start();
		clients = TestRouters.clients();
	}

	@AfterAll
	static void stop() {
		clients.close();
		simulator.close();
	}

	@Test
	void shouldConnectWhenThePinnedFingerprintMatches() throws GeneralSecurityException {
		String pin = HexFormat.ofDelimiter(":")
			.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		RouterClient router = clients.client(endpoint(RouterTls.pinned(pin.toUpperCase())));
		assertThat(router.pppSecrets().list()).hasSize(3);
	}

	@Test
	void shouldRefuseADifferentCertificateThanThePinnedOne() {
		RouterClient router = clients.client(endpoint(RouterTls.pinned("ab".repeat(32))));
		assertThatExceptionOfType(RouterUnreachableException.class).isThrownBy(router::ping)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.TLS_UNTRUSTED))
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
	}

	@Test
	void shouldConnectThroughATrustedCaWithTheHostNameChecked() throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("router-ca", certificate);
		RouterClient router = clients.client(endpoint(RouterTls.trustedCa(trust)).withPort(simulator.port()));
		assertThat(router.system().identity()).isEqualTo("MikroTik");
	}

	@Test
	void shouldRefuseAnUnknownIssuerWithTheSystemCas() {
		RouterClient router = clients.client(endpoint(RouterTls.systemCa()));
		assertThatExceptionOfType(RouterUnreachableException.class).isThrownBy(router::ping)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.TLS_UNTRUSTED));
	}

	@Test
	void shouldNotTalkPlainApiToAnApiSslPort() {
		RouterClient router = clients.client(new RouterEndpoint("127.0.0.1", simulator.port(), RouterTls.none(),
				new UsernamePassword(TestRouters.USER, TestRouters.PASSWORD.toCharArray())));
		assertThatExceptionOfType(RouterException.class).isThrownBy(router::ping);
	}

	private static RouterEndpoint endpoint(RouterTls tls) {
		return new RouterEndpoint("127.0.0.1", simulator.port(), tls,
				new UsernamePassword(TestRouters.USER, TestRouters.PASSWORD.toCharArray()));
	}

	private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			keyStore.load(in, STORE_PASSWORD);
		}
		return keyStore;
	}

}
