package io.towerline.mikrotik.ppp;

import java.util.List;

import io.towerline.mikrotik.BatchResult;
import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterCommandRejectedException.Rejection;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.client.RouterClients;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PppSecretsTests {

	private RouterOsSimulator simulator;

	private RouterClients clients;

	private PppSecrets secrets;

	@BeforeEach
	void start() {
		this.simulator = TestRouters.simulator(SimulatorVersion.V7_19).secrets(20).onlineShare(0.25).start();
		this.clients = TestRouters.clients();
		this.secrets = TestRouters.client(this.clients, this.simulator).pppSecrets();
	}

	@AfterEach
	void stop() {
		this.clients.close();
		this.simulator.close();
	}

	@Test
	void shouldListSecretsAsRecords() {
		List<PppSecret> all = this.secrets.list();
		assertThat(all).hasSize(20);
		PppSecret first = all.get(0);
		assertThat(first.name()).isEqualTo("sub00001");
		assertThat(first.service()).isEqualTo(PppService.PPPOE);
		assertThat(first.profile()).isEqualTo("plan-20M");
		assertThat(first.comment()).isEqualTo("customer 1001");
		assertThat(first.password()).isEqualTo(this.simulator.secret("sub00001").orElseThrow().get("password"));
		assertThat(first.toString()).doesNotContain(first.password());
	}

	@Test
	void shouldAskOnlyForTheRecordsPropertiesAndFindByExactName() {
		this.secrets.count();
		this.simulator.clearReceivedCommands();
		assertThat(this.secrets.find("sub00002")).get().extracting(PppSecret::profile).isEqualTo("plan-50M");
		assertThat(this.secrets.find("sub0000")).isEmpty();
		assertThat(this.simulator.receivedCommands().get(0).attributes()).containsKey(".proplist");
		assertThat(this.simulator.receivedCommands().get(0).queries()).containsExactly("=name=sub00002");
	}

	@Test
	void shouldAddAndReturnTheNewId() {
		String id = this.secrets.add(PppSecretSpec.pppoe("alice", "pw1", "plan-10M").withComment("cust 42"));
		assertThat(id).startsWith("*");
		assertThat(this.simulator.secret("alice")).get()
			.satisfies((secret) -> assertThat(secret).containsEntry(".id", id)
				.containsEntry("service", "pppoe")
				.containsEntry("comment", "cust 42"));
	}

	@Test
	void shouldRecogniseDuplicateAndUnknownProfile() {
		assertThatExceptionOfType(RouterCommandRejectedException.class)
			.isThrownBy(() -> this.secrets.add(PppSecretSpec.pppoe("sub00001", "x", "plan-10M")))
			.satisfies((ex) -> assertThat(ex.rejection()).isEqualTo(Rejection.DUPLICATE))
			.withMessageContaining("secret with the same name already exists");
		assertThatExceptionOfType(RouterCommandRejectedException.class)
			.isThrownBy(() -> this.secrets.add(PppSecretSpec.pppoe("bob", "x", "plan-nope")))
			.satisfies((ex) -> assertThat(ex.rejection()).isEqualTo(Rejection.UNKNOWN_PROFILE))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(1));
	}

	@Test
	void shouldUpdateRemoveEnableAndDisableByNameReportingAbsentNames() {
		assertThat(this.secrets.update("sub00003", PppSecretChange.none().withPassword("new").withProfile("plan-10M")))
			.isTrue();
		assertThat(this.simulator.secret("sub00003").orElseThrow()).containsEntry("password", "new")
			.containsEntry("profile", "plan-10M");
		assertThat(this.secrets.disable("sub00003")).isTrue();
		assertThat(this.secrets.find("sub00003").orElseThrow().disabled()).isTrue();
		assertThat(this.secrets.enable("sub00003")).isTrue();
		assertThat(this.secrets.find("sub00003").orElseThrow().disabled()).isFalse();
		assertThat(this.secrets.remove("sub00003")).isTrue();
		assertThat(this.secrets.remove("sub00003")).isFalse();
		assertThat(this.secrets.update("ghost", PppSecretChange.none().withPassword("x"))).isFalse();
		assertThat(this.secrets.count()).isEqualTo(19);
	}

	@Test
	void shouldUpsertIdempotently() {
		PppSecretSpec spec = PppSecretSpec.pppoe("carol", "pw", "plan-20M");
		assertThat(this.secrets.upsert(spec)).isTrue();
		assertThat(this.secrets.upsert(spec.withDisabled(true))).isFalse();
		assertThat(this.secrets.find("carol").orElseThrow().disabled()).isTrue();
		assertThat(this.simulator.secretCount()).isEqualTo(21);
	}

	@Test
	void shouldPipelineBulkAddsAndRemovesReportingEachItem() {
		List<PppSecretSpec> specs = List.of(PppSecretSpec.pppoe("bulk1", "a", "plan-10M"),
				PppSecretSpec.pppoe("sub00001", "dup", "plan-10M"), PppSecretSpec.pppoe("bulk2", "b", "plan-10M"));
		BatchResult<PppSecretSpec> added = this.secrets.addAll(specs);
		assertThat(added.successCount()).isEqualTo(2);
		assertThat(added.failures()).singleElement()
			.satisfies((item) -> assertThat(item.input().name()).isEqualTo("sub00001"));
		assertThat(added.items().get(0).id()).startsWith("*");
		BatchResult<String> removed = this.secrets.removeAll(List.of("bulk1", "bulk2", "never-existed"));
		assertThat(removed.allSucceeded()).isTrue();
		assertThat(this.simulator.secret("bulk1")).isEmpty();
		assertThat(this.simulator.secretCount()).isEqualTo(20);
	}

}
