package io.towerline.mikrotik.command;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DurationTextTests {

	@ParameterizedTest
	@CsvSource({ "44m55s,2695", "2d20h12m20s,245540", "1w2d3h4m5s,788645", "5s,5", "10w,6048000", "0s,0", "'',0",
			"00:05:00,300", "01:02:03,3723", "3:4,184", "1d00:00:10,0" })
	void shouldParseRouterOsDurations(String text, long seconds) {
		assertThat(DurationText.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
	}

	@ParameterizedTest
	@ValueSource(strings = { "5", "m", "5x", "1h5", "h1", "1:x:2", "never" })
	void shouldReadUnrecognisedTextAsZero(String text) {
		assertThat(DurationText.parse(text)).isEqualTo(Duration.ZERO);
	}

}
