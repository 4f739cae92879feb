package io.towerline.mikrotik.files;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Random;

import io.towerline.mikrotik.RouterErrorCode;
import io.towerline.mikrotik.RouterFileTransferException;
import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FilesAndBackupsTests {

	@Test
	void shouldSaveABackupAndReadItBackByteForByteInChunks() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19).secrets(3))) {
			RouterClient router = under.client();
			String file = router.backups().saveBackup("nightly", null);
			assertThat(file).isEqualTo("nightly.backup");
			RouterFile listed = router.files().find(file).orElseThrow();
			assertThat(listed.type()).isEqualTo("backup");
			assertThat(listed.modified()).isNotNull();
			byte[] contents = router.files().read(file).orElseThrow();
			assertThat(contents).hasSize((int) listed.size()).isEqualTo(under.simulator().rawFileContents(file));
			assertThat(contents.length).isGreaterThan(Files.CHUNK_BYTES);
			assertThat(router.files().remove(file)).isTrue();
			assertThat(router.files().read(file)).isEmpty();
		}
	}

	@Test
	void shouldExportWithCrlfAndHideSecretsUnlessAskedOnV7() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_16).secrets(2))) {
			Backups backups = under.client().backups();
			String hidden = backups.exportText("cfg", false);
			assertThat(hidden).startsWith("# 20").contains("\r\n/ppp secret\r\n").doesNotContain("password=");
			assertThat(backups.exportText("cfg-full", true)).contains("password=");
			assertThat(under.simulator().receivedCommands())
				.anySatisfy((command) -> assertThat(command.attributes()).containsEntry("show-sensitive", ""));
		}
	}

	@Test
	void shouldExportWithoutSecretsOnV6AndReadThroughContents() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V6_49).secrets(2))) {
			Backups backups = under.client().backups();
			String hidden = backups.exportText("cfg", false);
			assertThat(hidden).matches("(?s)# [a-z]{3}/\\d{2}/\\d{4} .*").doesNotContain("password=");
			assertThat(under.simulator().receivedCommands())
				.anySatisfy((command) -> assertThat(command.attributes()).containsEntry("hide-sensitive", ""));
		}
	}

	@Test
	void shouldReadAFileBeyondContentsFromTheFtpServiceOfV6ByteForByte() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V6_49))) {
			byte[] large = new byte[700 * 1024];
			new Random(1).nextBytes(large);
			under.simulator().putFile("big.bin", "file", large);
			assertThat(under.client().files().takesAnyFile()).isTrue();
			assertThat(under.client().files().read("big.bin")).hasValue(large);
			assertThat(under.client().files().read("missing.bin")).isEmpty();
			assertThat(under.simulator().receivedCommands()).extracting((command) -> command.path())
				.doesNotContain("/file/read");
		}
	}

	@Test
	void shouldRefuseAFileBeyondContentsWithACodedErrorWhenV6HasFtpOff() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V6_49).ftp(false))) {
			byte[] large = new byte[70 * 1024];
			new Random(1).nextBytes(large);
			under.simulator().putFile("big.bin", "file", large);
			assertThat(under.client().files().takesAnyFile()).isFalse();
			assertThatExceptionOfType(RouterFileTransferException.class)
				.isThrownBy(() -> under.client().files().read("big.bin"))
				.withMessageContaining("60 KB")
				.withMessageContaining("enable /ip service ftp")
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RouterErrorCode.ROUTER_FILE_TRANSFER_UNAVAILABLE));
		}
	}

	@Test
	void shouldRefuseAFileBeyondContentsWhenTheFtpServiceRefusesTheLogin() {
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V6_49))) {
			byte[] large = new byte[70 * 1024];
			under.simulator().putFile("big.bin", "file", large);
			FtpRetrieval wrongLogin = new FtpRetrieval("127.0.0.1",
					() -> new UsernamePassword("api", "wrong".toCharArray()), Duration.ofSeconds(5));
			assertThatExceptionOfType(RouterFileTransferException.class)
				.isThrownBy(() -> wrongLogin.retrieve("r", under.simulator().ftpPort(), "big.bin",
						OutputStream.nullOutputStream()))
				.withMessageContaining("530");
		}
	}

}
