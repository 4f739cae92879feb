package io.towerline.mikrotik.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What may travel as a value, a property name or a menu path. */
class ValueRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "a b", "\"quoted\"", "=x=y", "!re", "?name", "\u00e9\u0416", "\uD83D\uDE00",
			"\u0020\u007e" })
	void shouldPassPrintableValuesVerbatim(String value) {
		assertThat(ValueRules.value("comment", value, false)).isSameAs(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "a\u001fb", "\u007f", "x\ny", "x\ry", "x\ty" })
	void shouldRefuseControlCharactersInSingleLineValues(String value) {
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> ValueRules.value("name", value, false))
			.withMessageContaining("control character U+")
			.withMessageContaining("at position " + firstControl(value));
	}

	@Test
	void shouldAllowLineBreaksAndTabsOnlyInFreeText() {
		assertThat(ValueRules.value("comment", "a\r\nb\tc", true)).isEqualTo("a\r\nb\tc");
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> ValueRules.value("comment", "a\u0000b", true))
			.withMessageContaining("U+0000 at position 1");
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> ValueRules.value("comment", "a\u007f", true))
			.withMessageContaining("U+007F");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\uD83D", "a\uDE00", "\uDE00\uD83D", "x\uD83Dy", "\uD83D\uD83D\uDE00z\uDE00" })
	void shouldRefuseUnpairedSurrogates(String value) {
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> ValueRules.value("password", value, false))
			.withMessageContaining("unpaired surrogate");
	}

	@Test
	void shouldRefuseValuesLongerThanTheLimit() {
		String atLimit = "x".repeat(ValueRules.MAX_VALUE_CHARS);
		assertThat(ValueRules.value("script", atLimit, true)).hasSize(ValueRules.MAX_VALUE_CHARS);
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> ValueRules.value("script", atLimit + "x", true))
			.withMessageContaining("longer than");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/ppp/secret/print", "/ip/hotspot/user/add", "/a", "/x1/y-2" })
	void shouldAcceptMenuPaths(String path) {
		assertThat(ValueRules.path(path)).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/", "ppp/secret", "/ppp/", "/PPP", "/ppp secret", "/-x", "/ppp//secret" })
	void shouldRefuseWhatIsNotAMenuPath(String path) {
		assertThatExceptionOfType(UnrepresentableValueException.class).isThrownBy(() -> ValueRules.path(path))
			.withMessageContaining("is not a menu path");
	}

	@ParameterizedTest
	@ValueSource(strings = { "name", ".id", "rate-limit", "local-address", "x1.y" })
	void shouldAcceptPropertyNames(String name) {
		assertThat(ValueRules.name(name)).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "-x", "Name", "a b", "a=b", "..id" })
	void shouldRefuseWhatIsNotAPropertyName(String name) {
		assertThatExceptionOfType(UnrepresentableValueException.class).isThrownBy(() -> ValueRules.name(name))
			.withMessageContaining("is not a property name");
	}

	@Test
	void shouldShowRefusedNamesPrintably() {
		assertThatExceptionOfType(UnrepresentableValueException.class).isThrownBy(() -> ValueRules.name("a\u0001"))
			.withMessageContaining("a\\u0001");
		assertThatExceptionOfType(UnrepresentableValueException.class)
			.isThrownBy(() -> ValueRules.path("/" + "X".repeat(100)))
			.withMessageContaining("/" + "X".repeat(59) + "'");
	}

	private static int firstControl(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < 0x20 || value.charAt(i) == 0x7F) {
				return i;
			}
		}
		return -1;
	}

}
