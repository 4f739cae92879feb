package io.towerline.core.plan;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.towerline.core.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the rate-limit parser (run with {@code -Pfuzz}; otherwise
 * the stored inputs replay): any text (from a caller or read from a router) parses into a
 * rate limit within RouterOS's bounds that reads back from its own RouterOS form, or is
 * refused with a field error; nothing else escapes.
 */
class RateLimitFuzzTests {

	@FuzzTest(maxDuration = "3m")
	void anyTextParsesWithinBoundsOrIsRefused(@NotNull String text) {
		RateLimit limit;
		try {
			limit = RateLimit.parse(text);
		}
		catch (InvalidInputException refused) {
			assertThat(refused.errors()).isNotEmpty();
			return;
		}
		assertThat(limit.uploadBps()).isBetween(1L, RateLimit.MAX_BPS);
		assertThat(limit.downloadBps()).isBetween(1L, RateLimit.MAX_BPS);
		assertThat(RateLimit.parse(limit.toRouterOs())).isEqualTo(limit);
	}

	@FuzzTest(maxDuration = "1m")
	void anyRateIsWithinBoundsOrRefusedOnItsField(@NotNull String text) {
		try {
			assertThat(RateLimit.rate(text, "downloadRate")).isBetween(1L, RateLimit.MAX_BPS);
		}
		catch (InvalidInputException refused) {
			assertThat(refused.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("downloadRate"));
		}
	}

}
