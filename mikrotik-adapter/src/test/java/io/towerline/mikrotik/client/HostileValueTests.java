package io.towerline.mikrotik.client;

import java.nio.charset.StandardCharsets;

import io.towerline.mikrotik.RouterUnderTest;
import io.towerline.mikrotik.TestRouters;
import io.towerline.mikrotik.command.UnrepresentableValueException;
import io.towerline.mikrotik.credentials.UsernamePassword;
import io.towerline.mikrotik.ppp.PppSecretChange;
import io.towerline.mikrotik.ppp.PppSecretSpec;
import io.towerline.mikrotik.simulator.ReceivedCommand;
import io.towerline.mikrotik.simulator.RouterOsSimulator;
import io.towerline.mikrotik.simulator.SimulatorVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Injection: the library's command strings let {@code x" profile="premium} add a
 * parameter. Every value here is its own word, so the router must receive exactly the
 * value, or the caller gets a clear error and nothing is sent.
 */
class HostileValueTests {

	private static final String HOSTILE_PASSWORD = "p\"a'ss=word \\ $[:put 1]; !x ?y";

	private final RouterUnderTest under = RouterUnderTest
		.start(TestRouters.simulator(SimulatorVersion.V7_19).secrets(2).user("admin\" =x", HOSTILE_PASSWORD));

	private final RouterOsSimulator simulator = this.under.simulator();

	private final RouterClient router = this.under.clients()
		.client(new RouterEndpoint("127.0.0.1", this.simulator.port(), RouterTls.none(),
				new UsernamePassword("admin\" =x", HOSTILE_PASSWORD.toCharArray())));

	@AfterEach
	void stop() {
		this.under.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "x\" profile=\"premium", "p\"a'ss=word", "=profile=admin", "a b  c ", " lead",
			"names,with,commas", "!re", "?=name=sub00001", ".tag=7", "/ppp/secret/remove", "ünïcödé 名前 😀",
			"where name=x or name=y", "$(reboot)", "AND" })
	void shouldDeliverHostileNamesPasswordsAndCommentsVerbatim(String value) {
		String name = "user-" + value;
		this.router.pppSecrets().add(PppSecretSpec.pppoe(name, value, "plan-10M").withComment(value + "\r\n" + value));
		assertThat(this.simulator.secret(name)).get()
			.satisfies((secret) -> assertThat(secret).containsEntry("password", value)
				.containsEntry("comment", value + "\r\n" + value)
				.containsEntry("profile", "plan-10M"));
		assertThat(this.router.pppSecrets().find(name).orElseThrow().password()).isEqualTo(value);
		assertThat(this.router.pppSecrets().update(name, PppSecretChange.none().withPassword(value + value))).isTrue();
		assertThat(this.simulator.rawSecretValue(name, "password"))
			.isEqualTo((value + value).getBytes(StandardCharsets.UTF_8));
		assertThat(this.router.pppSecrets().remove(name)).isTrue();
		assertThat(this.simulator.secretCount()).isEqualTo(2);
	}

	@Test
	void shouldLogInWithQuotesAndEqualsInUsernameAndPassword() {
		assertThat(this.router.system().identity()).isEqualTo("MikroTik");
	}

	@ParameterizedTest
	@ValueSource(strings = { "line\nbreak", "carriage\rreturn", "nul\u0000byte", "escape\u001b[0m", "bell\u0007",
			"del\u007f", "tab\tin name" })
	void shouldRefuseControlCharactersInSingleLineValuesBeforeSendingAnything(String value) {
		this.router.ping();
		this.simulator.clearReceivedCommands();
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> this.router.pppSecrets().add(PppSecretSpec.pppoe("ok", value, "plan-10M")))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("password"))
			.withMessageContaining("control character")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(value));
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> this.router.pppSecrets().add(PppSecretSpec.pppoe(value, "pw", "plan-10M")))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("name"));
		assertThat(this.simulator.receivedCommands()).extracting(ReceivedCommand::path)
			.doesNotContain("/ppp/secret/add");
	}

	@Test
	void shouldRefuseUnpairedSurrogates() {
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> this.router.pppSecrets().add(PppSecretSpec.pppoe("ok", "broken\ud800", "plan-10M")))
			.withMessageContaining("surrogate");
	}

}
