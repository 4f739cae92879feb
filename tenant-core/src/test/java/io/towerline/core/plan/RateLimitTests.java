package io.towerline.core.plan;

import java.util.List;
import java.util.Random;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The RouterOS rate-limit: parsing, bounds, round trips and which field an error names.
 */
class RateLimitTests {

	static final List<String> NOT_RATE_LIMITS = List.of("", " ", "10M/", "/10M", "10M/20M/30M", "10G/20G", "-1/5",
			"10m5/1", "1.5M/2M", "99999999999M/1M", "4294967296/1", "4295M/1M", "99999999999999999999999/1",
			"10M/20M 30M/40M", "10M/20M 30M/40M 5M/10M 10/10 9", "10M/20M 30M/40M 5M/10M 10/10 8 x/y",
			"10M/20M 30M/40M 5M/10M 99999999999999/1", "10M/20M 5M/40M 1M/1M", "10M/20M 30M/40M 31M/1M",
			"10M/20M 30M/40M 5M/10M 0/0", "10M/20M 30M/40M 5M/10M 3601/3601", "1/1 1/1 1/1 1/1 1 1/1 extra", "0/0",
			"\u0661\u0660M/5M");

	@Test
	void shouldParseUploadBeforeDownload() {
		RateLimit limit = RateLimit.parse("5M/20M");
		assertThat(limit.uploadBps()).isEqualTo(5_000_000);
		assertThat(limit.downloadBps()).isEqualTo(20_000_000);
		assertThat(RateLimit.parse("512k").downloadBps()).isEqualTo(512_000);
	}

	@Test
	void shouldParseBurstsAndIgnoreValidMinimumRates() {
		RateLimit limit = RateLimit.parse("10M/20M 12M/24M 8M/16M 10/12 8 5M/5M");
		assertThat(limit.burst()).isEqualTo(new RateLimit.Burst(12_000_000, 24_000_000, 8_000_000, 16_000_000, 12));
	}

	@ParameterizedTest
	@FieldSource("NOT_RATE_LIMITS")
	void shouldRefuseWhatIsNotARateLimitWithAFieldError(String text) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> RateLimit.parse(text))
			.satisfies((ex) -> assertThat(ex.errors()).isNotEmpty());
	}

	@Test
	void shouldAcceptTheHighestRateRouterOsTakesAndNothingAbove() {
		assertThat(RateLimit.rate("4294967295", "downloadRate")).isEqualTo(RateLimit.MAX_BPS);
		assertThat(RateLimit.rate("4294M", "downloadRate")).isEqualTo(4_294_000_000L);
		for (String above : List.of("4294967296", "4295M", "4294968k", "99999999999M", "9".repeat(40))) {
			assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> RateLimit.rate(above, "uploadRate"))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("uploadRate"));
		}
	}

	@Test
	void shouldNameTheFieldAtFaultNeverItsOpposite() {
		assertThat(errorFields(() -> new RateLimit(0, 5, null))).containsExactly("uploadRate");
		assertThat(errorFields(() -> new RateLimit(5, 0, null))).containsExactly("downloadRate");
		assertThat(errorFields(() -> new RateLimit(5, RateLimit.MAX_BPS + 1, null))).containsExactly("downloadRate");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(5, 30, 5, 30, 10))))
			.containsExactly("burst.uploadRate");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(30, 15, 30, 15, 10))))
			.containsExactly("burst.downloadRate");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(30, 40, 31, 40, 10))))
			.containsExactly("burst.uploadThreshold");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(30, 40, 30, 0, 10))))
			.containsExactly("burst.downloadThreshold");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(30, 40, 30, 40, 0))))
			.containsExactly("burst.seconds");
		assertThat(errorFields(() -> RateLimit.rate("20 M", "downloadRate"))).containsExactly("downloadRate");
	}

	@Test
	void shouldReadBackWhatItWrites() {
		Random random = new Random(5);
		for (int i = 0; i < 5_000; i++) {
			long upload = 1 + random.nextLong(RateLimit.MAX_BPS / 2);
			long download = 1 + random.nextLong(RateLimit.MAX_BPS / 2);
			RateLimit.Burst burst = random.nextBoolean() ? null
					: new RateLimit.Burst(upload + 1 + random.nextLong(RateLimit.MAX_BPS / 2 - 1),
							download + 1 + random.nextLong(RateLimit.MAX_BPS / 2 - 1), upload, download,
							1 + random.nextInt(3600));
			RateLimit limit = new RateLimit(upload, download, burst);
			assertThat(RateLimit.parse(limit.toRouterOs())).as(limit.toRouterOs()).isEqualTo(limit);
		}
	}

	@Test
	void shouldWriteEachRateInTheLargestExactUnit() {
		assertThat(new RateLimit(5_000_000, 20_000_000, null).toRouterOs()).isEqualTo("5M/20M");
		assertThat(new RateLimit(1_500_000, 512_000, null).toRouterOs()).isEqualTo("1500k/512k");
		assertThat(new RateLimit(1_234, 999, null).toRouterOs()).isEqualTo("1234/999");
		assertThat(new RateLimit(10_000_000, 20_000_000,
				new RateLimit.Burst(12_000_000, 24_500_000, 8_000_000, 16_000_001, 30))
			.toRouterOs()).isEqualTo("10M/20M 12M/24500k 8M/16000001 30/30");
	}

	@Test
	void shouldAcceptEveryRateAtItsBounds() {
		assertThat(new RateLimit(1, 1, null).toRouterOs()).isEqualTo("1/1");
		assertThat(new RateLimit(RateLimit.MAX_BPS, RateLimit.MAX_BPS, null).uploadBps()).isEqualTo(RateLimit.MAX_BPS);
		RateLimit.Burst highest = new RateLimit.Burst(RateLimit.MAX_BPS, RateLimit.MAX_BPS, RateLimit.MAX_BPS,
				RateLimit.MAX_BPS, 3600);
		assertThat(new RateLimit(1, 1, highest).burst()).isEqualTo(highest);
		RateLimit.Burst lowest = new RateLimit.Burst(2, 2, 1, 1, 1);
		assertThat(new RateLimit(1, 1, lowest).burst()).isEqualTo(lowest);
	}

	@Test
	void shouldRefuseABurstAboveTheHighestRateOrNotAboveTheRate() {
		long above = RateLimit.MAX_BPS + 1;
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(above, 40, 30, 40, 10))))
			.containsExactly("burst.uploadRate");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(30, above, 30, 40, 10))))
			.containsExactly("burst.downloadRate");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(10, 30, 10, 30, 10))))
			.containsExactly("burst.uploadRate");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(30, 20, 30, 20, 10))))
			.containsExactly("burst.downloadRate");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(30, 40, 0, 40, 10))))
			.containsExactly("burst.uploadThreshold");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(30, 40, 30, 41, 10))))
			.containsExactly("burst.downloadThreshold");
		assertThat(errorFields(() -> new RateLimit(10, 20, new RateLimit.Burst(30, 40, 30, 40, 3601))))
			.containsExactly("burst.seconds");
	}

	@Test
	void shouldParseEveryNumberOfOptionalGroups() {
		assertThat(RateLimit.parse("10M/20M 12M/24M 8M/16M").burst())
			.isEqualTo(new RateLimit.Burst(12_000_000, 24_000_000, 8_000_000, 16_000_000, 1));
		assertThat(RateLimit.parse("10M/20M 12M/24M 8M/16M 10s/20s").burst())
			.isEqualTo(new RateLimit.Burst(12_000_000, 24_000_000, 8_000_000, 16_000_000, 20));
		assertThat(RateLimit.parse("10M/20M 12M/24M 8M/16M 10/10 1").burst())
			.isEqualTo(new RateLimit.Burst(12_000_000, 24_000_000, 8_000_000, 16_000_000, 10));
	}

	@Test
	void shouldTellAnUnreadableBurstTimeFromAnOutOfRangeOne() {
		assertThat(errorFields(() -> RateLimit.parse("10M/20M 12M/24M 8M/16M 123456789/1")))
			.containsExactly("burst.seconds");
		assertThat(errorFields(() -> RateLimit.parse("10M/20M 12M/24M 8M/16M 1234567890/1")))
			.containsExactly("rateLimit");
	}

	@Test
	void shouldQuoteWhatItRefusesShortened() {
		assertThat(errorMessage(() -> RateLimit.rate("fast", "downloadRate"))).contains("'fast'");
		String thirty = "x".repeat(30);
		assertThat(errorMessage(() -> RateLimit.rate(thirty, "downloadRate"))).contains("'" + thirty + "'")
			.doesNotContain("…");
		assertThat(errorMessage(() -> RateLimit.rate(thirty + "y", "downloadRate"))).contains("'" + thirty + "…'")
			.doesNotContain("y");
		assertThat(errorMessage(() -> RateLimit.parse("10M/20M  fast"))).contains("'10M/20M  fast'");
	}

	private static String errorMessage(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			return ex.errors().get(0).message();
		}
		throw new AssertionError("no error");
	}

	private static List<String> errorFields(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			return ex.errors().stream().map(FieldError::field).toList();
		}
		throw new AssertionError("no error");
	}

}
