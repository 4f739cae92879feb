package io.towerline.core.identity;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessEpochTests {

	@Test
	void shouldMoveOnEvenWhenTheClockDoesNot() {
		Instant now = Instant.parse("2026-11-27T01:00:00.123456789Z");

		Instant first = AccessEpoch.next(Instant.EPOCH, now);
		Instant second = AccessEpoch.next(first, now);
		Instant third = AccessEpoch.next(second, now.minusSeconds(5));

		assertThat(first).isEqualTo(Instant.parse("2026-11-27T01:00:00.123456Z"));
		assertThat(second).isAfter(first);
		assertThat(third).isAfter(second);
		assertThat(AccessEpoch.claimValue(second) - AccessEpoch.claimValue(first)).isOne();
	}

	@Test
	void shouldKeepTheDatabasesPrecisionSoAStoredEpochReadsBackEqual() {
		Instant epoch = AccessEpoch.next(Instant.EPOCH, Instant.parse("2026-11-27T01:00:00.999999999Z"));

		assertThat(epoch.getNano() % 1_000).isZero();
		assertThat(AccessEpoch.claimValue(epoch)).isEqualTo(1_795_741_200_999_999L);
	}

	@Test
	void shouldGiveEveryAccessChangeANewEpoch() {
		Instant now = Instant.parse("2026-11-27T01:00:00Z");
		UserAccount user = new UserAccount("u", "u@example.com", null, Set.of("VIEWER"), "hash", now);
		Instant created = user.tokensValidAfter();

		user.changeRoles(Set.of("OPERATOR"), now);

		assertThat(user.tokensValidAfter()).isAfter(created);
	}

}
