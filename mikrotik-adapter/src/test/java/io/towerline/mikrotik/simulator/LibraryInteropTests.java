package io.towerline.mikrotik.simulator;

import java.util.List;
import java.util.Map;

import javax.net.SocketFactory;

import me.legrange.mikrotik.ApiConnection;
import me.legrange.mikrotik.MikrotikApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulator driven by an independent client, the bare {@code me.legrange:mikrotik}
 * 3.0.8, on a version profile it can handle (no {@code !empty}). Checks the simulator,
 * not the library.
 */
class LibraryInteropTests {

	private final RouterOsSimulator simulator = RouterOsSimulator.builder()
		.version(SimulatorVersion.V7_16)
		.secrets(50)
		.onlineShare(0.2)
		.user("lib", "pw")
		.start();

	private ApiConnection library;

	@AfterEach
	void stop() throws MikrotikApiException {
		if (this.library != null) {
			this.library.close();
		}
		this.simulator.close();
	}

	@Test
	void shouldServeTheLibrarysLoginPrintQueryAndAdd() throws MikrotikApiException {
		connect("pw");
		assertThat(this.library.execute("/ppp/secret/print")).hasSize(50);
		List<Map<String, String>> found = this.library
			.execute("/ppp/secret/print where name=\"sub00007\" return name,profile");
		assertThat(found).singleElement().satisfies((row) -> assertThat(row).containsOnlyKeys("name", "profile"));
		assertThat(this.library.execute("/ppp/secret/add name=\"lib-user\" profile=\"plan-10M\"")).singleElement()
			.satisfies((row) -> assertThat(row.get("ret")).startsWith("*"));
		assertThat(this.library.execute("/ppp/active/print")).hasSize(10);
		assertThat(this.simulator.secret("lib-user")).isPresent();
	}

	@Test
	void shouldAcceptTheLibrarysNonMinimalLengthEncoding() throws MikrotikApiException {
		// D13: the library writes 0x20000..0x1FFFFF-byte words in the 4-byte form
		connect("pw");
		String comment = "c".repeat(0x20010);
		this.library.execute("/ppp/secret/set numbers=\"sub00001\" comment=\"" + comment + "\"");
		assertThat(this.simulator.secret("sub00001").orElseThrow().get("comment")).isEqualTo(comment);
	}

	@Test
	void shouldRejectTheLibrarysBadLogin() {
		assertThatExceptionOfType(MikrotikApiException.class).isThrownBy(() -> connect("wrong"))
			.withMessageContaining("invalid user name or password");
	}

	private void connect(String password) throws MikrotikApiException {
		this.library = ApiConnection.connect(SocketFactory.getDefault(), "127.0.0.1", this.simulator.port(), 2000);
		this.library.setTimeout(5000);
		this.library.login("lib", password);
	}

}
