package io.towerline.mikrotik.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.audit.AuditedCommand;
import io.towerline.mikrotik.audit.AuditedCommand.Outcome;
import io.towerline.mikrotik.audit.CommandIntent;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.simulator.ReceivedCommand;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every command reaches the auditor as an intent before a byte of it is written to the
 * router, and its outcome comes later under the same id: on the single-command path, the
 * pipelined batch and a batch broken mid-way. An intent that cannot be recorded stops the
 * command.
 */
class CommandIntentTests {

	@Test
	void shouldRecordEveryIntentBeforeTheRouterReceivesTheCommand() {
		Recorder recorder = new Recorder();
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19),
				TestRouters.settings().build(), recorder)) {
			recorder.simulator = under.simulator();
			under.client().pppSecrets().add(PppSecretSpec.pppoe("single", "pw-1", "default"));
			under.client().pppSecrets().addAll(specs("batch", 200));
			under.client().pppSecrets().list();
		}
		assertThat(recorder.sentEarly).as("commands the router had received before their intent").isEmpty();
		assertThat(recorder.intentPaths()).contains("/ppp/secret/add", "/ppp/secret/print", "/system/resource/print");
		assertThat(recorder.intents.stream().filter((intent) -> intent.path().equals("/ppp/secret/add"))).hasSize(201);
		assertThat(recorder.unmatchedOutcomes()).isEmpty();
		assertThat(recorder.intentsWithoutOutcome()).isEmpty();
	}

	@Test
	void shouldPairEveryIntentOfABatchBrokenMidWayWithAFailedOutcome() {
		Recorder recorder = new Recorder();
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19),
				TestRouters.settings().build(), recorder)) {
			recorder.simulator = under.simulator();
			recorder.breakAfterIntents = true;
			under.client().pppSecrets().addAll(specs("broken", 300));
		}
		List<AuditedCommand> adds = recorder.outcomes.stream()
			.filter((outcome) -> outcome.path().equals("/ppp/secret/add"))
			.toList();
		assertThat(adds).hasSize(300);
		assertThat(adds).extracting(AuditedCommand::outcome).contains(Outcome.FAILED);
		assertThat(recorder.unmatchedOutcomes()).isEmpty();
		assertThat(recorder.intentsWithoutOutcome()).isEmpty();
	}

	@Test
	void shouldLeaveReadsUnrecordedWhenTheAuditorOmitsThemButNeverWritesOrStreams() {
		Recorder recorder = new Recorder();
		recorder.omitReads = true;
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19),
				TestRouters.settings().build(), recorder)) {
			under.client().pppSecrets().add(PppSecretSpec.pppoe("single", "pw-1", "default"));
			under.client().pppSecrets().addAll(specs("batch", 20));
			under.client().pppSecrets().list();
			under.client().interfaces().list();
			under.client().pppActive().watch((event) -> {
			}, (error) -> {
			}).close();
			under.client().pppActive().kick("nobody-online");
		}
		assertThat(recorder.intentPaths()).contains("/ppp/secret/add", "/ppp/active/listen")
			.noneMatch((path) -> path.endsWith("/print"));
		assertThat(recorder.intents.stream().filter((intent) -> intent.path().equals("/ppp/secret/add"))).hasSize(21);
		assertThat(recorder.outcomes).extracting(AuditedCommand::path).noneMatch((path) -> path.endsWith("/print"));
		assertThat(recorder.unmatchedOutcomes()).isEmpty();
		assertThat(recorder.intentsWithoutOutcome()).isEmpty();
	}

	@Test
	void shouldNotSendACommandWhoseIntentCannotBeRecorded() {
		RouterCommandAuditor refusing = new RouterCommandAuditor() {

			@Override
			public void commandsSending(List<CommandIntent> commands) {
				if (commands.stream().anyMatch((intent) -> intent.path().equals("/ppp/secret/add"))) {
					throw new IllegalStateException("audit store down");
				}
			}

			@Override
			public void commandCompleted(AuditedCommand command) {
			}

		};
		try (RouterUnderTest under = RouterUnderTest.start(TestRouters.simulator(SimulatorVersion.V7_19),
				TestRouters.settings().breaker(1, Duration.ofMinutes(1)).build(), refusing)) {
			assertThatIllegalStateException()
				.isThrownBy(() -> under.client().pppSecrets().add(PppSecretSpec.pppoe("unsent", "pw", "default")))
				.withMessage("audit store down");
			assertThatIllegalStateException()
				.isThrownBy(() -> under.client().pppSecrets().addAll(specs("unsent-batch", 10)));
			assertThat(under.simulator().receivedCommands()).extracting(ReceivedCommand::path)
				.doesNotContain("/ppp/secret/add");
			assertThat(under.client().pppSecrets().list()).as("the breaker is not left holding a trial").isEmpty();
		}
	}

	private static List<PppSecretSpec> specs(String prefix, int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> PppSecretSpec.pppoe(prefix + "-" + i, "pw-" + i, "default"))
			.toList();
	}

	/** Checks the router's state at each intent, and keeps intents and outcomes. */
	static final class Recorder implements RouterCommandAuditor {

		final List<CommandIntent> intents = new CopyOnWriteArrayList<>();

		final List<AuditedCommand> outcomes = new CopyOnWriteArrayList<>();

		final List<String> sentEarly = new CopyOnWriteArrayList<>();

		volatile @Nullable RouterOsSimulator simulator;

		volatile boolean breakAfterIntents;

		volatile boolean omitReads;

		@Override
		public boolean omitsReadsNow() {
			return this.omitReads;
		}

		@Override
		public void commandsSending(List<CommandIntent> commands) {
			RouterOsSimulator router = this.simulator;
			if (router != null) {
				Set<String> received = new HashSet<>();
				router.receivedCommands()
					.forEach((command) -> received.add(key(command.path(), command.attributes().get("name"))));
				commands.stream()
					.filter((intent) -> intent.parameters().containsKey("name"))
					.filter((intent) -> received.contains(key(intent.path(), intent.parameters().get("name"))))
					.forEach((intent) -> this.sentEarly.add(intent.path() + " " + intent.parameters().get("name")));
				if (this.breakAfterIntents && commands.size() > 1) {
					// the router drops the connection after the first command of the
					// batch
					router.faults().fatalOnNextCommand("session terminated");
				}
			}
			this.intents.addAll(commands);
		}

		@Override
		public void commandCompleted(AuditedCommand command) {
			this.outcomes.add(command);
		}

		List<String> intentPaths() {
			return this.intents.stream().map(CommandIntent::path).distinct().toList();
		}

		List<AuditedCommand> unmatchedOutcomes() {
			Set<UUID> ids = new HashSet<>();
			this.intents.forEach((intent) -> ids.add(intent.id()));
			return this.outcomes.stream().filter((outcome) -> !ids.contains(outcome.id())).toList();
		}

		List<CommandIntent> intentsWithoutOutcome() {
			Set<UUID> ids = new HashSet<>();
			this.outcomes.forEach((outcome) -> ids.add(outcome.id()));
			List<CommandIntent> missing = new ArrayList<>();
			this.intents.stream().filter((intent) -> !ids.contains(intent.id())).forEach(missing::add);
			return missing;
		}

		private static String key(String path, @Nullable String name) {
			return path + " " + name;
		}

	}

}
