package io.towerline.mikrotik.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.ppp.PppSecretChange;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.simulator.ReceivedCommand;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D7: concurrent writers on one library connection interleaved bytes on the wire. Here
 * many threads share one connection; every sentence must arrive intact and every caller
 * must get its own answer.
 */
class ConcurrentCallerTests {

	private final RouterUnderTest under = RouterUnderTest.start(
			TestRouters.simulator(SimulatorVersion.V7_19).secrets(10),
			TestRouters.settings().pool(1, 1_000, Duration.ofMinutes(1)).build());

	private final RouterOsSimulator simulator = this.under.simulator();

	private final RouterClient router = this.under.client();

	@AfterEach
	void stop() {
		this.under.close();
	}

	@Test
	void shouldKeepSentencesIntactWithSixteenThreadsOnOneConnection() throws Exception {
		RouterClient router = this.router;
		List<Future<String>> results = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (int t = 0; t < 16; t++) {
				int thread = t;
				results.add(threads.submit(() -> {
					for (int i = 0; i < 25; i++) {
						String name = "t" + thread + "-" + i;
						String comment = "thread " + thread + " item " + i + " \"quoted\" = 'and' this";
						router.pppSecrets()
							.add(PppSecretSpec.pppoe(name, "pw-" + name, "plan-10M").withComment(comment));
						router.pppSecrets().update(name, PppSecretChange.none().withProfile("plan-20M"));
						assertThat(router.pppSecrets().find(name).orElseThrow().comment()).isEqualTo(comment);
					}
					return "ok";
				}));
			}
			for (Future<String> result : results) {
				assertThat(result.get()).isEqualTo("ok");
			}
		}
		assertThat(router.openConnections()).isEqualTo(1);
		assertThat(this.simulator.secretCount()).isEqualTo(10 + 16 * 25);
		for (ReceivedCommand command : this.simulator.receivedCommands()) {
			assertThat(command.path()).matches("/[a-z/-]+");
			if (command.path().equals("/ppp/secret/add")) {
				String name = command.attributes().get("name");
				assertThat(command.attributes()).containsEntry("password", "pw-" + name).containsKey("comment");
			}
		}
		assertThat(this.simulator.secret("t7-13").orElseThrow()).containsEntry("profile", "plan-20M")
			.containsEntry("comment", "thread 7 item 13 \"quoted\" = 'and' this");
	}

}
