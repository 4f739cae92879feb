package io.towerline.mikrotik;

import java.time.Duration;
import java.time.LocalDateTime;

import io.towerline.mikrotik.RouterCommandRejectedException.Rejection;
import io.towerline.mikrotik.command.DurationText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Version parsing and what each version implies, plus the value formats callers never
 * parse themselves.
 */
class RouterCapabilitiesTests {

	@ParameterizedTest
	@CsvSource({ "6.49.10 (long-term),6,49,10,long-term", "7.16.1 (stable),7,16,1,stable",
			"7.23_ab650 (development),7,23,0,development", "7.1beta4 (development),7,1,0,development",
			"7.18,7,18,0,''" })
	void shouldParseVersionStrings(String text, int major, int minor, int patch, String channel) {
		assertThat(RouterOsVersion.parse(text)).isEqualTo(new RouterOsVersion(major, minor, patch, channel));
	}

	@Test
	void shouldRejectWhatIsNotAVersion() {
		assertThatIllegalArgumentException().isThrownBy(() -> RouterOsVersion.parse("RouterOS seven"));
	}

	@Test
	void shouldDeriveCapabilitiesFromTheVersionThresholds() {
		RouterCapabilities v7_9 = capabilities("7.9.2 (stable)");
		RouterCapabilities v7_10 = capabilities("7.10 (stable)");
		RouterCapabilities v7_18 = capabilities("7.18 (stable)");
		assertThat(v7_9.isoDates()).isFalse();
		assertThat(v7_10.isoDates()).isTrue();
		assertThat(v7_10.sendsEmptyReplies()).isFalse();
		assertThat(v7_18.sendsEmptyReplies()).isTrue();
		assertThat(capabilities("7.15.3 (stable)").fileTimestampField()).isEqualTo("creation-time");
		assertThat(capabilities("7.16 (stable)").fileTimestampField()).isEqualTo("last-modified");
		assertThat(v7_9.healthAsItems()).isTrue();
		assertThat(capabilities("6.49.10 (long-term)").healthAsItems()).isFalse();
		assertThat(v7_9.formatDate(LocalDateTime.of(2025, 3, 2, 10, 11, 12))).isEqualTo("mar/02/2025 10:11:12");
		assertThat(v7_10.formatDate(LocalDateTime.of(2025, 3, 2, 10, 11, 12))).isEqualTo("2025-03-02 10:11:12");
	}

	@Test
	void shouldParseBothDateSpellingsAndTheEpochAsNever() {
		LocalDateTime expected = LocalDateTime.of(2026, 3, 4, 18, 23, 45);
		assertThat(RouterCapabilities.parseDate("mar/04/2026 18:23:45")).isEqualTo(expected);
		assertThat(RouterCapabilities.parseDate("2026-03-04 18:23:45")).isEqualTo(expected);
		assertThat(RouterCapabilities.parseDate("jan/01/1970 00:00:00")).isNull();
		assertThat(RouterCapabilities.parseDate("1970-01-01 00:00:00")).isNull();
		assertThat(RouterCapabilities.parseDate("")).isNull();
		assertThat(RouterCapabilities.parseDate("yesterday")).isNull();
	}

	@Test
	void shouldParseRouterDurations() {
		assertThat(DurationText.parse("44m55s")).isEqualTo(Duration.ofSeconds(44 * 60 + 55));
		assertThat(DurationText.parse("1w2d3h4m5s")).isEqualTo(Duration.parse("P9DT3H4M5S"));
		assertThat(DurationText.parse("00:05:00")).isEqualTo(Duration.ofMinutes(5));
		assertThat(DurationText.parse("5x")).isZero();
		assertThat(DurationText.parse("12")).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "failure: secret with the same name already exists||DUPLICATE",
					"failure: already have such entry|1|DUPLICATE", "no such item|0|NO_SUCH_ITEM",
					"no such item (4)||NO_SUCH_ITEM", "input does not match any value of profile|1|UNKNOWN_PROFILE",
					"input does not match any value of interface|1|INVALID_VALUE", "interrupted|2|INTERRUPTED",
					"no such command prefix|0|NO_SUCH_COMMAND", "something odd|4|OTHER" })
	void shouldRecogniseKnownRouterMessages(String message, Integer category, Rejection expected) {
		assertThat(new RouterCommandRejectedException("r", "/x", category, message).rejection()).isEqualTo(expected);
	}

	private static RouterCapabilities capabilities(String version) {
		return new RouterCapabilities(RouterOsVersion.parse(version), "RB5009");
	}

}
