package io.towerline.mikrotik.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.SocketFactory;

import me.legrange.mikrotik.ApiConnection;
import me.legrange.mikrotik.MikrotikApiException;
import me.legrange.mikrotik.ResultListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

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
	void shouldServeTheLibrarysListenCountersAndMonitorTraffic() throws MikrotikApiException {
		connect("pw");
		List<Map<String, String>> pushed = new CopyOnWriteArrayList<>();
		String listen = this.library.execute("/ppp/active/listen", new ResultListener() {

			@Override
			public void receive(Map<String, String> result) {
				pushed.add(result);
			}

			@Override
			public void error(MikrotikApiException ex) {
			}

			@Override
			public void completed() {
			}

		});
		await().atMost(Duration.ofSeconds(5)).until(() -> this.simulator.liveStreams("/ppp/active/listen") == 1);
		this.simulator.connectSubscriber("sub00040");
		this.simulator.addTraffic("sub00040", 1_234, 56_789, 12, 56);
		List<Map<String, String>> stats = this.library.execute(
				"/interface/print where name=\"<pppoe-sub00040>\" return name,rx-byte,tx-byte,rx-packet,tx-packet");
		assertThat(stats).singleElement()
			.satisfies((row) -> assertThat(row).containsExactlyInAnyOrderEntriesOf(Map.of("name", "<pppoe-sub00040>",
					"rx-byte", "1234", "tx-byte", "56789", "rx-packet", "12", "tx-packet", "56")));
		List<Map<String, String>> rates = this.library
			.execute("/interface/monitor-traffic interface=\"<pppoe-sub00040>\" once return name,tx-bits-per-second");
		assertThat(rates).singleElement().satisfies((row) -> assertThat(row).containsKey("tx-bits-per-second"));
		this.simulator.disconnectSubscriber("sub00040");
		await().atMost(Duration.ofSeconds(5)).until(() -> pushed.size() == 2);
		this.library.cancel(listen);
		assertThat(pushed.get(0)).containsEntry("name", "sub00040");
		assertThat(pushed.get(1)).containsEntry(".id", pushed.get(0).get(".id")).containsEntry(".dead", "true");
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
