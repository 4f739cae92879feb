package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.towerline.mikrotik.wire.Sentence;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator against the research notes' checklist (§7), checked at the wire level.
 */
class SimulatorProtocolTests {

	private RouterOsSimulator simulator;

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void shouldEchoTheTagSecondOnEveryReplyOrLastOnRequest() throws IOException {
		start(SimulatorVersion.V7_16, 2);
		try (WireClient client = WireClient.loggedIn(this.simulator)) {
			List<Sentence> replies = client.call("/ppp/secret/print", ".tag=abc");
			assertThat(replies).hasSize(3).allSatisfy((reply) -> assertThat(reply.word(1)).isEqualTo(".tag=abc"));
			this.simulator.faults().tagLast(true);
			replies = client.call("/ppp/secret/print", ".tag=x");
			assertThat(replies).allSatisfy((reply) -> assertThat(reply.word(reply.size() - 1)).isEqualTo(".tag=x"));
			assertThat(client.call("/system/identity/print")).allSatisfy((reply) -> assertThat(reply.tag()).isNull());
		}
	}

	@Test
	void shouldSendEmptyOnlyFromVersion718() throws IOException {
		start(SimulatorVersion.V7_19, 1);
		try (WireClient client = WireClient.loggedIn(this.simulator)) {
			assertThat(client.call("/ppp/secret/print", "?name=nobody", ".tag=1")).extracting(Sentence::first)
				.containsExactly("!empty", "!done");
		}
		this.simulator.close();
		start(SimulatorVersion.V7_16, 1);
		try (WireClient client = WireClient.loggedIn(this.simulator)) {
			assertThat(client.call("/ppp/secret/print", "?name=nobody")).extracting(Sentence::first)
				.containsExactly("!done");
		}
	}

	@Test
	void shouldEvaluateQueriesWithBothEqualityFormsAndTheStack() throws IOException {
		start(SimulatorVersion.V7_16, 6);
		try (WireClient client = WireClient.loggedIn(this.simulator)) {
			assertThat(names(client.call("/ppp/secret/print", "?name=sub00002"))).containsExactly("sub00002");
			assertThat(names(client.call("/ppp/secret/print", "?=name=sub00003"))).containsExactly("sub00003");
			assertThat(names(client.call("/ppp/secret/print", "?name=sub00001", "?name=sub00004", "?#|")))
				.containsExactly("sub00001", "sub00004");
			assertThat(names(client.call("/ppp/secret/print", "?profile=plan-10M", "?#!"))).hasSize(4);
			assertThat(names(client.call("/ppp/secret/print", "?comment", "?-local-address", "?profile=plan-20M")))
				.containsExactly("sub00001", "sub00004");
			assertThat(names(client.call("/ppp/secret/print", "?>name=sub00004"))).containsExactly("sub00005",
					"sub00006");
			assertThat(names(client.call("/ppp/secret/print", "?name=sub00001", "?name=sub00002", "?#|",
					"?name=sub00003", "?#|.")))
				.containsExactly("sub00001", "sub00002", "sub00003");
		}
	}

	@Test
	void shouldHonourProplistAndCountOnly() throws IOException {
		start(SimulatorVersion.V7_16, 7);
		try (WireClient client = WireClient.loggedIn(this.simulator)) {
			List<Sentence> rows = client.call("/ppp/secret/print", "=.proplist=name,profile,nope");
			assertThat(rows.get(0).attributes()).containsOnlyKeys("name", "profile");
			List<Sentence> count = client.call("/ppp/secret/print", "=count-only=", "?profile=plan-10M");
			assertThat(count).singleElement()
				.satisfies((done) -> assertThat(done.attributes()).containsEntry("ret", "2"));
			assertThat(client.call("/ppp/secret/getall")).hasSize(8);
		}
	}

	@Test
	void shouldAnswerAddWithTheNewIdAndTrapRealisticErrors() throws IOException {
		start(SimulatorVersion.V7_16, 1);
		try (WireClient client = WireClient.loggedIn(this.simulator)) {
			assertThat(client.call("/ppp/secret/add", "=name=new").get(0).attributes().get("ret")).startsWith("*");
			assertThat(trap(client.call("/ppp/secret/add", "=name=new")))
				.isEqualTo("failure: secret with the same name already exists");
			assertThat(trap(client.call("/ppp/secret/add", "=name=x", "=profile=gold")))
				.isEqualTo("input does not match any value of profile");
			assertThat(trap(client.call("/ppp/secret/remove", "=.id=*99"))).isEqualTo("no such item");
			assertThat(trap(client.call("/ppp/secret/add", "=name=y", "=colour=red")))
				.isEqualTo("unknown parameter colour");
			assertThat(trap(client.call("/ppp/secret/frobnicate"))).isEqualTo("no such command");
			assertThat(trap(client.call("/ip/hotspot/print"))).isEqualTo("no such command prefix");
			assertThat(trap(client.call("/ppp/profile/remove", "=numbers=default")))
				.isEqualTo("failure: can not remove default profile");
			List<Sentence> reply = client.call("/ppp/secret/add", "=name=z", "=profile=gold");
			assertThat(reply).extracting(Sentence::first).containsExactly("!trap", "!done");
			assertThat(reply.get(0).attributes()).containsEntry("category", "1");
		}
	}

	@Test
	void shouldRunTaggedCommandsConcurrentlyUnderLatency() throws IOException {
		start(SimulatorVersion.V7_16, 1);
		this.simulator.faults().latency(Duration.ofMillis(300));
		try (WireClient client = WireClient.loggedIn(this.simulator)) {
			long started = System.nanoTime();
			for (int i = 0; i < 10; i++) {
				client.send("/system/identity/print", ".tag=" + i);
			}
			List<String> done = new ArrayList<>();
			while (done.size() < 10) {
				Sentence sentence = client.read();
				if (sentence.first().equals("!done")) {
					done.add(sentence.tag());
				}
			}
			assertThat(done).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
		}
	}

	@Test
	void shouldCancelAStreamWithInterruptedAndConfirmTheCancel() throws IOException {
		start(SimulatorVersion.V7_16, 2);
		try (WireClient client = WireClient.loggedIn(this.simulator)) {
			client.send("/interface/monitor-traffic", "=interface=ether1", ".tag=m");
			assertThat(client.read().first()).isEqualTo("!re");
			client.send("/cancel", "=tag=m", ".tag=c");
			List<String> seen = new ArrayList<>();
			while (seen.stream().filter((entry) -> entry.startsWith("!done")).count() < 2) {
				Sentence sentence = client.read();
				if (!sentence.first().equals("!re")) {
					seen.add(sentence.first() + " " + sentence.tag() + " " + sentence.attributes());
				}
			}
			assertThat(seen).contains("!trap m {category=2, message=interrupted}", "!done m {}", "!done c {}");
		}
	}

	@Test
	void shouldReportRemovalsToListenersAsDeadTheWayRouterOs7Does() throws IOException {
		start(SimulatorVersion.V7_16, 3);
		try (WireClient listener = WireClient.loggedIn(this.simulator);
				WireClient writer = WireClient.loggedIn(this.simulator)) {
			listener.send("/ppp/secret/listen", ".tag=l");
			awaitListening();
			writer.call("/ppp/secret/set", "=numbers=sub00001", "=comment=changed");
			writer.call("/ppp/secret/remove", "=numbers=sub00002");
			assertThat(listener.read().attributes()).containsEntry("comment", "changed");
			assertThat(listener.read().attributes()).containsEntry(".dead", "true").containsEntry(".id", "*2");
		}
	}

	@Test
	void shouldRefuseCommandsBeforeLoginAndBadCredentials() throws IOException {
		start(SimulatorVersion.V7_16, 0);
		try (WireClient client = new WireClient(this.simulator.port())) {
			List<Sentence> fatal = client.call("/ppp/secret/print");
			assertThat(fatal).singleElement().satisfies((reply) -> {
				assertThat(reply.first()).isEqualTo("!fatal");
				assertThat(reply.bareWords()).containsExactly("not logged in");
			});
		}
		try (WireClient client = new WireClient(this.simulator.port())) {
			assertThat(trap(client.call("/login", "=name=admin", "=password=wrong")))
				.isEqualTo("invalid user name or password (6)");
			assertThat(client.call("/quit").get(0).bareWords()).containsExactly("session terminated on request");
		}
	}

	@Test
	void shouldCloseWithFatalOnAReservedControlByte() throws IOException {
		start(SimulatorVersion.V7_16, 0);
		try (WireClient client = WireClient.loggedIn(this.simulator)) {
			client.sendRaw(new byte[] { (byte) 0xF8 });
			assertThat(client.read().first()).isEqualTo("!fatal");
			assertThat(client.read()).isNull();
		}
	}

	private void awaitListening() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.simulator.receivedCommands().stream().anyMatch((c) -> c.path().endsWith("/listen")));
	}

	private void start(SimulatorVersion version, int secrets) {
		this.simulator = RouterOsSimulator.builder().version(version).secrets(secrets).start();
	}

	private static List<String> names(List<Sentence> replies) {
		return replies.stream()
			.filter((reply) -> reply.first().equals("!re"))
			.map((reply) -> reply.attributes().get("name"))
			.toList();
	}

	private static String trap(List<Sentence> replies) {
		return replies.stream()
			.filter((reply) -> reply.first().equals("!trap"))
			.map((reply) -> reply.attributes().get("message"))
			.findFirst()
			.orElse("no trap in " + replies);
	}

}
