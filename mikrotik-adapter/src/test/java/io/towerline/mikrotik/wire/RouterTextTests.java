package io.towerline.mikrotik.wire;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Router text: strict UTF-8, windows-1252 where the bytes are not UTF-8. */
class RouterTextTests {

	@Test
	void shouldRoundTripAsciiAndUtf8() {
		for (String text : new String[] { "", "plain", "\u00e9t\u00e9 \u0416 \uD83D\uDE00", "\u007f" }) {
			assertThat(RouterText.decode(RouterText.encode(text))).isEqualTo(text);
		}
	}

	@Test
	void shouldFallBackToWindows1252ForBytesThatAreNotUtf8() {
		byte[] winbox = "Caf\u00e9 \u20ac5".getBytes(Charset.forName("windows-1252"));
		assertThat(RouterText.decode(winbox)).isEqualTo("Caf\u00e9 \u20ac5");
	}

	@Test
	void shouldDecodeOnlyTheGivenRange() {
		byte[] bytes = "ab\u00e9cd".getBytes(StandardCharsets.UTF_8);
		assertThat(RouterText.decode(bytes, 1, 1)).isEqualTo("b");
		assertThat(RouterText.decode(bytes, 2, 2)).isEqualTo("\u00e9");
		assertThat(RouterText.decode(bytes, 4, 2)).isEqualTo("cd");
		byte[] asciiThenBroken = { 'o', 'k', (byte) 0xE9 };
		assertThat(RouterText.decode(asciiThenBroken, 0, 2)).isEqualTo("ok");
		assertThat(RouterText.decode(asciiThenBroken, 1, 2)).isEqualTo("k\u00e9");
	}

}
