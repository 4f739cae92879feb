package io.towerline.mikrotik.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Backups go out and come back: a saved backup loads back the configuration it was saved
 * with (and reboots the router), an export re-applied with {@code /import} recreates what
 * it describes, and files reach the router with {@code /tool/fetch}.
 */
class BackupRestoreTests {

	@Test
	void shouldStreamAFileInChunksWithoutAnyChunkBiggerThanTheRouterAllows() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19).secrets(3))) {
			byte[] big = new byte[200_000];
			new Random(7).nextBytes(big);
			under.simulator().putFile("big.bin", "file", big);
			AtomicLong largestWrite = new AtomicLong();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			OutputStream out = new OutputStream() {
				@Override
				public void write(int b) {
					received.write(b);
				}

				@Override
				public void write(byte[] b, int off, int len) {
					largestWrite.accumulateAndGet(len, Math::max);
					received.write(b, off, len);
				}
			};
			assertThat(under.client().files().readTo("big.bin", out)).isTrue();
			assertThat(received.toByteArray()).isEqualTo(big);
			assertThat(largestWrite.get()).isLessThanOrEqualTo(Files.CHUNK_BYTES);
			assertThat(under.client().files().readTo("missing.bin", out)).isFalse();
		}
	}

	@ParameterizedTest
	@EnumSource(SimulatorVersion.class)
	void shouldLoadABackupBackAndRebootTheRouter(SimulatorVersion version) {
		try (RouterUnderTest under = RouterUnderTest
			.start(TestRouters.simulator(version).secrets(3).onlineShare(1.0))) {
			RouterClient router = under.client();
			String file = router.backups().saveBackup("before", "pw-1".toCharArray());
			RouterOsSimulator simulator = under.simulator();
			simulator.removeSecret("sub00001");
			simulator.identity("renamed");
			assertThat(simulator.secret("sub00001")).isEmpty();

			router.backups().loadBackup(file, "pw-1".toCharArray());

			assertThat(simulator.secret("sub00001")).isPresent();
			assertThat(simulator.identity()).isEqualTo("MikroTik");
			await().until(() -> simulator.reboots() == 1);
			assertThat(simulator.onlineSubscribers()).isEmpty();
			// the pool reconnects after the reboot
			await().ignoreExceptions().until(() -> router.system().identity().equals("MikroTik"));
		}
	}

	@Test
	void shouldRefuseABackupWithTheWrongPassword() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_16).secrets(1))) {
			String file = under.client().backups().saveBackup("locked", "right".toCharArray());
			under.simulator().removeSecret("sub00001");
			assertThatExceptionOfType(RouterCommandRejectedException.class)
				.isThrownBy(() -> under.client().backups().loadBackup(file, "wrong".toCharArray()));
			assertThat(under.simulator().secret("sub00001")).isEmpty();
			assertThat(under.simulator().reboots()).isZero();
		}
	}

	@Test
	void shouldFetchAnExportOntoTheRouterAndImportIt() throws IOException {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V6_49).secrets(3))) {
			String export = under.client().backups().exportText("saved", true);
			assertThat(export).contains("name=sub00002");
			under.simulator().removeSecret("sub00002");
			HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			http.createContext("/restore.rsc", (exchange) -> {
				byte[] body = export.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			http.start();
			try {
				String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/restore.rsc";
				under.client().files().fetch(url, "restore.rsc");
				assertThat(under.simulator().fileContents("restore.rsc")).isEqualTo(export);
				// like RouterOS, the import stops at the first line that fails (the
				// profile
				// exists)
				assertThatExceptionOfType(RouterCommandRejectedException.class)
					.isThrownBy(() -> under.client().backups().importScript("restore.rsc"))
					.withMessageContaining("already exists");
				assertThat(under.simulator().secret("sub00002")).isEmpty();
				under.simulator().resetConfiguration();
				under.client().backups().importScript("restore.rsc");
				assertThat(under.simulator().secretCount()).isEqualTo(3);
				assertThat(under.simulator().secret("sub00002")).hasValueSatisfying(
						(secret) -> assertThat(secret).containsEntry("profile", "plan-50M").containsKey("password"));
				assertThat(under.simulator().profile("plan-50M")).isPresent();
				assertThatExceptionOfType(RouterCommandRejectedException.class)
					.isThrownBy(() -> under.client().files().fetch(url.replace("restore.rsc", "missing.rsc"), "x.rsc"))
					.withMessageContaining("404");
			}
			finally {
				http.stop(0);
			}
			assertThat(under.simulator().receivedCommands())
				.filteredOn((command) -> command.path().equals("/tool/fetch"))
				.isNotEmpty();
		}
	}

}
