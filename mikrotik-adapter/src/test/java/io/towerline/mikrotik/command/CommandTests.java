package io.towerline.mikrotik.command;

import java.util.List;
import java.util.Map;

import io.towerline.mikrotik.wire.Sentence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandTests {

	@Test
	void shouldPutEachValueInItsOwnWordWithTheTagSecond() {
		Command command = Command.to("/ppp/secret/add")
			.with("name", "x\" profile=\"premium")
			.withSecret("password", "a=b c")
			.withText("comment", "two\nlines")
			.flag("once")
			.build();
		Sentence sentence = command.toSentence("7");
		assertThat(sentence.size()).isEqualTo(6);
		assertThat(sentence.word(0)).isEqualTo("/ppp/secret/add");
		assertThat(sentence.word(1)).isEqualTo(".tag=7");
		assertThat(sentence.attributes()).containsExactly(entry("name", "x\" profile=\"premium"),
				entry("password", "a=b c"), entry("comment", "two\nlines"), entry("once", ""));
	}

	@Test
	void shouldRedactSecretsForTheAuditLog() {
		Command command = Command.to("/ppp/secret/set")
			.with(".id", "*1")
			.with("password", "plain-looking")
			.withSecret("caller-id", "also-secret")
			.whereEquals("name", "alice")
			.build();
		assertThat(command.redactedParameters()).containsEntry(".id", "*1")
			.containsEntry("password", "***")
			.containsEntry("caller-id", "***")
			.containsKey("?=name=alice");
		assertThat(command.toString()).doesNotContain("plain-looking").doesNotContain("also-secret");
	}

	@Test
	void shouldBuildQueriesAndProplist() {
		Command command = Command.to("/interface/print")
			.proplist(List.of("name", "rx-byte"))
			.whereEquals("type", "ether")
			.whereEquals("type", "vlan")
			.or()
			.whereHas("comment")
			.not()
			.build();
		assertThat(command.toSentence("1").queries()).containsExactly("=type=ether", "=type=vlan", "#|", "comment",
				"#!");
		assertThat(command.toSentence("1").attributes()).containsEntry(".proplist", "name,rx-byte");
		assertThat(command.isRead()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ppp/secret/print", "/ppp/secret/print ", "/ppp//secret", "/PPP/secret", "/ppp/secret\n",
			"/ppp/secret/print =name=x", "" })
	void shouldRejectMalformedPaths(String path) {
		assertThatExceptionOfType(UnrepresentableValueException.class).isThrownBy(() -> Command.to(path))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("path"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "name=x", "Name", "na me", "", "=name", "?name", "name\n" })
	void shouldRejectMalformedPropertyNames(String name) {
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> Command.to("/ppp/secret/add").with(name, "v"));
	}

	@Test
	void shouldAllowLineBreaksOnlyInFreeText() {
		assertThat(Command.to("/ppp/secret/add").withText("comment", "a\r\nb\tc").build().parameter("comment"))
			.isEqualTo("a\r\nb\tc");
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> Command.to("/ppp/secret/add").withText("comment", "nul\u0000"));
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> Command.to("/ppp/secret/add").with("name", "a\r\nb"));
	}

	private static Map.Entry<String, String> entry(String key, String value) {
		return Map.entry(key, value);
	}

}
