package io.towerline.mikrotik.command;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowTests {

	private final Row row = Row.ofText(ordered("name", "alice", "disabled", "true", "legacy", "yes", "bytes",
			"12345678901", "odd", "12x", "blank", "", "off", "false"));

	@Test
	void shouldReadTextValuesOrNullWhenAbsent() {
		assertThat(this.row.get("name")).isEqualTo("alice");
		assertThat(this.row.get("missing")).isNull();
		assertThat(this.row.getOrEmpty("missing")).isEmpty();
		assertThat(this.row.getOrEmpty("name")).isEqualTo("alice");
		assertThat(this.row.has("blank")).isTrue();
		assertThat(this.row.has("missing")).isFalse();
	}

	@Test
	void shouldReadRouterOsBooleans() {
		assertThat(this.row.flag("disabled")).isTrue();
		assertThat(this.row.flag("legacy")).isTrue();
		assertThat(this.row.flag("off")).isFalse();
		assertThat(this.row.flag("name")).isFalse();
		assertThat(this.row.flag("missing")).isFalse();
	}

	@Test
	void shouldReadNumbersAndTreatTheRestAsZero() {
		assertThat(this.row.number("bytes")).isEqualTo(12345678901L);
		assertThat(this.row.number("odd")).isZero();
		assertThat(this.row.number("blank")).isZero();
		assertThat(this.row.number("missing")).isZero();
	}

	@Test
	void shouldHandOutCopiesOfRawValues() {
		byte[] comment = "\u00e9t\u00e9".getBytes(Charset.forName("windows-1252"));
		Row raw = new Row(Map.of("comment", comment));
		byte[] first = raw.raw("comment");
		first[0] = 'x';
		assertThat(raw.raw("comment")).containsExactly(comment);
		assertThat(raw.get("comment")).isEqualTo("\u00e9t\u00e9");
		assertThat(raw.raw("missing")).isNull();
	}

	@Test
	void shouldKeepTheRoutersOrder() {
		assertThat(this.row.attributes()).containsExactly(Map.entry("name", "alice"), Map.entry("disabled", "true"),
				Map.entry("legacy", "yes"), Map.entry("bytes", "12345678901"), Map.entry("odd", "12x"),
				Map.entry("blank", ""), Map.entry("off", "false"));
		assertThat(Row.empty().attributes()).isEmpty();
		assertThat(this.row.toString()).isEqualTo("[name, disabled, legacy, bytes, odd, blank, off]");
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
