package io.towerline.core.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.towerline.core.actor.Actor;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import io.towerline.mikrotik.audit.AuditedCommand;
import io.towerline.mikrotik.audit.CommandIntent;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.client.RouterClientSettings;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.client.RouterEndpoint;
import io.towerline.mikrotik.client.RouterTls;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Every command sent to a router is in the log" holds when the platform dies between
 * sending and recording the outcome, when the router breaks a pipelined batch mid-way,
 * and when the command was sent from a transaction that rolled back: every command the
 * router received has its row, with the outcome where it is known and UNKNOWN where not.
 */
@SpringBootTest
class CommandLogCrashTests extends DatabaseTest {

	private static final int BATCH = 300;

	@Autowired
	RouterCommandLog commandLog;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	RouterOsSimulator simulator;

	TenantId tenant;

	CommandContext context;

	@BeforeEach
	void router() {
		this.simulator = RouterOsSimulator.builder()
			.version(SimulatorVersion.V7_19)
			.user("api", "router-pass")
			.recordCommands(true)
			.start();
		this.tenant = TenantId.of(TestDatabase.uniqueSlug("audit"));
		this.onboarding.onboard(this.tenant.slug(), "Audit", RateLimitTier.STARTER);
		this.context = new CommandContext(UUID.randomUUID(), Actor.of("system:test"), UUID.randomUUID(), null);
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void shouldKeepEveryCommandOfABatchWhoseOutcomesDiedWithTheProcess() {
		// the process dies after the batch reached the router: no outcome is ever
		// recorded
		RouterCommandAuditor diesBeforeOutcomes = new RouterCommandAuditor() {

			@Override
			public void commandsSending(List<CommandIntent> commands) {
				CommandLogCrashTests.this.commandLog.commandsSending(commands);
			}

			@Override
			public void commandCompleted(AuditedCommand command) {
			}

			@Override
			public void commandsCompleted(List<AuditedCommand> commands) {
			}

		};
		send(diesBeforeOutcomes, (client) -> client.pppSecrets().addAll(specs("crash", BATCH)));

		Map<String, String> logged = loggedAdds();
		assertThat(receivedAdds()).hasSize(BATCH);
		assertThat(logged.keySet()).containsAll(receivedAdds());
		assertThat(logged.values()).containsOnly(CommandOutcome.UNKNOWN.name());
	}

	@Test
	void shouldRecordEveryCommandOfABatchTheRouterBrokeMidWay() {
		send(this.commandLog, (client) -> {
			client.pppSecrets().list();
			this.simulator.faults().fatalOnNextCommand("session terminated");
			return client.pppSecrets().addAll(specs("broken", BATCH));
		});

		Map<String, String> logged = loggedAdds();
		assertThat(receivedAdds()).isNotEmpty();
		assertThat(logged).hasSize(BATCH);
		assertThat(logged.keySet()).containsAll(receivedAdds());
		assertThat(logged.values()).contains("FAILED").doesNotContain(CommandOutcome.UNKNOWN.name());
	}

	@Test
	void shouldKeepTheCommandsOfATransactionThatRolledBack() {
		send(this.commandLog, (client) -> this.transactions.execute((tx) -> {
			client.pppSecrets().add(PppSecretSpec.pppoe("rolled-back", "pw", "default"));
			tx.setRollbackOnly();
			return null;
		}));

		assertThat(this.simulator.secret("rolled-back")).isPresent();
		assertThat(loggedAdds()).containsEntry("rolled-back", "SUCCEEDED");
	}

	private void send(RouterCommandAuditor auditor, Function<RouterClient, ?> work) {
		try (RouterClients clients = new RouterClients(RouterClientSettings.defaults(), null, auditor)) {
			RouterClient client = clients.client(new RouterEndpoint("127.0.0.1", this.simulator.port(),
					RouterTls.none(), new UsernamePassword("api", "router-pass".toCharArray())));
			TenantContext.runAs(this.tenant, () -> this.context.call(() -> work.apply(client)));
		}
	}

	private Set<String> receivedAdds() {
		return this.simulator.receivedCommands()
			.stream()
			.filter((command) -> command.path().equals("/ppp/secret/add"))
			.map((command) -> command.attributes().get("name"))
			.collect(Collectors.toSet());
	}

	private Map<String, String> loggedAdds() {
		return this.jdbc
			.sql("SELECT subscriber, outcome FROM " + this.tenant.schemaName()
					+ ".router_command_log WHERE action = '/ppp/secret/add'")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static List<PppSecretSpec> specs(String prefix, int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> PppSecretSpec.pppoe(prefix + "-" + i, "pw-" + i, "default"))
			.toList();
	}

}
