package io.towerline.mikrotik.client;

import java.nio.charset.StandardCharsets;

import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.ppp.PppSecret;
import io.towerline.mikrotik.ppp.PppSecretChange;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D2, D3, D4: values holding {@code "\n!"}, {@code "\n=key=val"} or a trailing CR broke
 * the library's line parser (endless loop, spoofed keys, swallowed sentences). Values
 * travel as words here, so they come back exactly.
 */
class MultiLineValueTests {

	private final RouterUnderTest under = RouterUnderTest
		.start(TestRouters.simulator(SimulatorVersion.V7_16).secrets(3));

	private final RouterOsSimulator simulator = this.under.simulator();

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "first line\n!re\n=name=spoofed", "first\n=profile=admin", "script line1\r",
			"line1\r\nline2\r\n=.id=*1\r\n", "\n!done\n", "tab\tseparated" })
	void shouldReadBackStoredMultiLineValuesExactly(String comment) {
		this.simulator.putRawSecretValue("sub00002", "comment", comment.getBytes(StandardCharsets.UTF_8));
		PppSecret secret = this.router.pppSecrets().find("sub00002").orElseThrow();
		assertThat(secret.comment()).isEqualTo(comment);
		assertThat(secret.profile()).isEqualTo("plan-50M");
		assertThat(this.router.pppSecrets().list()).hasSize(3);
	}

	@Test
	void shouldWriteMultiLineCommentsVerbatim() {
		String comment = "customer note\r\n!re\r\n=profile=admin\n";
		this.router.pppSecrets().update("sub00001", PppSecretChange.none().withComment(comment));
		assertThat(this.simulator.rawSecretValue("sub00001", "comment"))
			.isEqualTo(comment.getBytes(StandardCharsets.UTF_8));
		assertThat(this.simulator.secret("sub00001").orElseThrow()).containsEntry("profile", "plan-20M");
	}

	@Test
	void shouldKeepReadingWhenTheTagComesLast() {
		this.simulator.faults().tagLast(true);
		this.simulator.putRawSecretValue("sub00001", "comment", "ends with CR\r".getBytes(StandardCharsets.UTF_8));
		assertThat(this.router.pppSecrets().find("sub00001").orElseThrow().comment()).isEqualTo("ends with CR\r");
	}

	@Test
	void shouldDecodeNonUtf8ValuesAsWindows1252() {
		byte[] cp1252 = { 'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x80, '5' };
		this.simulator.putRawSecretValue("sub00003", "comment", cp1252);
		assertThat(this.router.pppSecrets().find("sub00003").orElseThrow().comment()).isEqualTo("Café €5");
	}

}
