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
